using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Recommendations;

/// <summary>Everything next content and calls to action are chosen from: the page, the visitor's stage and what they have read.</summary>
/// <param name="Language">The page's language; nothing of another language is offered.</param>
/// <param name="Page">The item being read, or null on pages that are not content (home, listings).</param>
/// <param name="Stage">The visitor's inferred (or previewed) stage; null without consent or history.</param>
public sealed record VisitorContext(string Language, ContentItem? Page, Stage? Stage)
{
    /// <summary>Items never to offer again (read or downloaded).</summary>
    public IReadOnlySet<string> Read { get; init; } = EmptySet;

    /// <summary>Gated items whose asset the visitor already has.</summary>
    public IReadOnlySet<string> Downloaded { get; init; } = EmptySet;

    /// <summary>Recent reading, newest first, for topic affinity.</summary>
    public IReadOnlyList<string> Recent { get; init; } = [];

    /// <summary>True when <see cref="Stage"/> and the history are the visitor's own; false for the non-personalised default.</summary>
    public bool IsPersonalised => Stage is not null;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>A context with a copy of a visitor's history, so it stays valid after the caller's lock is released.</summary>
    public static VisitorContext For(string language, ContentItem? page, Stage? stage, ReadingHistory? history) =>
        history is null
            ? new VisitorContext(language, page, stage)
            : new VisitorContext(language, page, stage)
            {
                Read = new HashSet<string>(history.Read, StringComparer.Ordinal),
                Downloaded = new HashSet<string>(history.Downloaded, StringComparer.Ordinal),
                Recent = [.. history.Recent],
            };
}
