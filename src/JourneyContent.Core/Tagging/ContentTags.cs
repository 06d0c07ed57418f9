using JourneyContent.Content;

namespace JourneyContent.Tagging;

/// <summary>What an editor sets on an item: its kind, its primary stage (null leaves it untagged) and its secondary stages.</summary>
public sealed record ContentTags(string Kind, string? Stage, IReadOnlyList<StageWeight> SecondaryStages)
{
    /// <summary>The item's recommendation settings to write too; null leaves them as they are (inline and bulk tagging).</summary>
    public RecommendationTags? Recommendations { get; init; }

    /// <summary>The item's topics and its own call to action to write too; null leaves them as they are (inline and bulk tagging).</summary>
    public TopicAndOfferTags? TopicsAndOffer { get; init; }

    /// <summary>The tags an item carries now.</summary>
    public static ContentTags Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ContentTags(item.Kind, item.Stage, item.SecondaryStages);
    }

    /// <summary>Secondary stages as compact text (<c>consideration:0.5, decision:0.2</c>), for the audit log and forms.</summary>
    public string SecondaryText => string.Join(", ", SecondaryStages.Select(s => FormattableString.Invariant($"{s.Stage}:{s.Weight:0.##}")));

    /// <summary>Parses <see cref="SecondaryText"/>'s format; a stage without a weight gets 0.5.</summary>
    /// <exception cref="FormatException">An entry is not <c>stage</c> or <c>stage:weight</c> with a weight in (0, 1].</exception>
    public static IReadOnlyList<StageWeight> ParseSecondary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<StageWeight>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            var weight = 0.5;
            if (pieces.Length > 2 || string.IsNullOrEmpty(pieces[0])
                || (pieces.Length == 2 && !double.TryParse(pieces[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out weight))
                || !(weight > 0 && weight <= 1))
            {
                throw new FormatException($"'{part}' is not a secondary stage: write stage or stage:weight with a weight greater than 0 and at most 1.");
            }

            result.Add(new StageWeight(pieces[0].ToLowerInvariant(), weight));
        }

        return result;
    }
}

/// <summary>What an editor sets for recommendations: the items pinned as next steps, exclusion from automatic lists, and the boost.</summary>
/// <param name="PinnedNext">Ids of the items pinned after this one, in order (same language).</param>
/// <param name="Excluded">True keeps the item out of automatic "next for you" lists.</param>
/// <param name="Boost">The editorial boost, from -1 to 1.</param>
public sealed record RecommendationTags(IReadOnlyList<string> PinnedNext, bool Excluded, double Boost)
{
    /// <summary>The settings an item carries now.</summary>
    public static RecommendationTags Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new RecommendationTags(item.PinnedNext, item.ExcludedFromRecommendations, item.Boost);
    }

    /// <summary>True when both have the same pins in the same order, exclusion and boost.</summary>
    public bool SameAs(RecommendationTags other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PinnedNext.SequenceEqual(other.PinnedNext, StringComparer.Ordinal) && Excluded == other.Excluded && Boost.Equals(other.Boost);
    }
}

/// <summary>An item's topics and the call to action it carries itself (its <c>cta</c> block), as an editor sets them.</summary>
/// <param name="Topics">Topic keys, lower-case slugs, in the editor's order.</param>
/// <param name="CallToAction">The item's own offer; null for none.</param>
public sealed record TopicAndOfferTags(IReadOnlyList<string> Topics, CallToActionBlock? CallToAction)
{
    /// <summary>The most topics an item may have.</summary>
    public const int MaxTopics = 10;

    /// <summary>The longest headline of an offer.</summary>
    public const int MaxHeadline = 120;

    /// <summary>The longest supporting sentence of an offer.</summary>
    public const int MaxText = 300;

    /// <summary>The longest button label of an offer.</summary>
    public const int MaxButton = 40;

    /// <summary>The settings an item carries now.</summary>
    public static TopicAndOfferTags Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TopicAndOfferTags(item.Topics, item.CallToAction);
    }

    /// <summary>True when both have the same topics in the same order and the same offer.</summary>
    public bool SameAs(TopicAndOfferTags other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Topics.SequenceEqual(other.Topics, StringComparer.Ordinal) && SameOffer(CallToAction, other.CallToAction);
    }

    /// <summary>True when both offers say and do the same (the stage lists compared by content, not by reference).</summary>
    public static bool SameOffer(CallToActionBlock? a, CallToActionBlock? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.Headline == y.Headline && x.Text == y.Text && x.Button == y.Button && x.Url == y.Url
                && x.AllStages == y.AllStages && x.Stages.SequenceEqual(y.Stages, StringComparer.Ordinal),
            _ => false,
        };
}

/// <summary>The outcome of writing tags back to an item's source.</summary>
public enum TagWriteOutcome
{
    /// <summary>The tags were written.</summary>
    Saved,

    /// <summary>The source changed since the editor read it; nothing was written.</summary>
    Conflict,

    /// <summary>The item no longer exists.</summary>
    NotFound,
}

/// <summary>Writes an editor's tags back to where an item lives (a markdown file's front matter, a CMS node).</summary>
public interface IContentTagWriter
{
    /// <summary>
    /// Writes <paramref name="tags"/> to the item with <paramref name="itemId"/> if its source still has
    /// <paramref name="expectedVersion"/>; otherwise writes nothing and answers <see cref="TagWriteOutcome.Conflict"/>.
    /// </summary>
    Task<TagWriteOutcome> WriteAsync(string itemId, ContentTags tags, string expectedVersion, CancellationToken cancellationToken);
}
