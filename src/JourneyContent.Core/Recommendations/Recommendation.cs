using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Recommendations;

/// <summary>Why an item was chosen; shown to editors and returned by the API.</summary>
public enum RecommendationReason
{
    /// <summary>An editor pinned it as the next step after the page.</summary>
    Pinned,

    /// <summary>It is close in topic to what the visitor read (<see cref="Recommendation.RelatedTo"/>).</summary>
    SimilarToReading,

    /// <summary>It belongs to the next stage, to pull the visitor forward.</summary>
    NextStage,

    /// <summary>Nothing read relates to it: it is among the freshest or most promoted of the stage.</summary>
    StageDefault,

    /// <summary>The stage had too few unread items; it comes from a neighbouring stage.</summary>
    Fallback,
}

/// <summary>One item of a "next for you" list.</summary>
/// <param name="Item">The item.</param>
/// <param name="Stage">The stage it was chosen for (its own primary stage, or the secondary stage it matched).</param>
/// <param name="Reason">Why it was chosen.</param>
/// <param name="RelatedTo">For <see cref="RecommendationReason.SimilarToReading"/> and pins, the read item it relates to.</param>
/// <param name="Score">The ranking score (affinity, freshness and boost together).</param>
public sealed record Recommendation(ContentItem Item, Stage Stage, RecommendationReason Reason, ContentItem? RelatedTo, double Score);

/// <summary>The "next for you" list of one page for one visitor.</summary>
/// <param name="Stage">The stage the list was chosen for.</param>
/// <param name="IsPersonalised">False for the non-personalised default (the page's own stage, no history).</param>
/// <param name="Items">The items, in display order.</param>
public sealed record NextContent(Stage? Stage, bool IsPersonalised, IReadOnlyList<Recommendation> Items)
{
    /// <summary>An empty list.</summary>
    public static NextContent None { get; } = new(null, false, []);
}
