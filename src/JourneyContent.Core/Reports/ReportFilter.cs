namespace JourneyContent.Reports;

/// <summary>What every report can be narrowed to: a date range, a language, a topic and a campaign source.</summary>
/// <remarks>
/// Language and topic select content; the host resolves them into <see cref="ContentIds"/> from the catalogue, so the
/// store needs no knowledge of how content is named. Visitors count when they read selected content in the range.
/// The source filters leads only (visitors carry no campaign parameters).
/// </remarks>
public sealed record ReportFilter
{
    /// <summary>No filter: everything stored.</summary>
    public static ReportFilter All { get; } = new();

    /// <summary>The first moment included (UTC); null for the beginning.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The first moment excluded (UTC); null for now.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The language chosen, for display and for leads (their form's language); null for all.</summary>
    public string? Language { get; init; }

    /// <summary>The topic chosen, for display; null for all.</summary>
    public string? Topic { get; init; }

    /// <summary>Leads whose <c>utm_source</c> is this; null for all.</summary>
    public string? Source { get; init; }

    /// <summary>The content selected by language and topic; null for all content.</summary>
    public IReadOnlySet<string>? ContentIds { get; init; }
}
