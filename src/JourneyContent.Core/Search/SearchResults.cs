using JourneyContent.Content;

namespace JourneyContent.Search;

/// <summary>One page of hits, the total, and how many hits each stage has (the stage facet).</summary>
/// <param name="Hits">The hits of the page asked for, best first.</param>
/// <param name="Total">How many items match in all (with the stage filter applied).</param>
/// <param name="StageCounts">Matches per stage key, counted before the stage filter; untagged items under the empty key.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<string, int> StageCounts)
{
    /// <summary>No hits.</summary>
    public static SearchResults None { get; } = new([], 0, new Dictionary<string, int>());
}

/// <summary>One matching item and its relevance.</summary>
/// <param name="Item">The item, from the current snapshot.</param>
/// <param name="Score">Lucene's relevance score; only comparable within one query.</param>
public sealed record SearchHit(ContentItem Item, float Score);
