namespace JourneyContent.Recommendations;

/// <summary>Supplies, for each item, the items most similar to it, as computed by a search engine (Lucene's MoreLikeThis).</summary>
/// <remarks>
/// Similarity is computed once per item when content is indexed, not per request, so choosing next content for
/// a visitor stays a sub-100 µs in-memory operation. <see cref="Current"/> is replaced whole after each update.
/// </remarks>
public interface IContentSimilarity
{
    /// <summary>The latest similarity table.</summary>
    SimilarityTable Current { get; }
}
