namespace JourneyContent.Search;

/// <summary>Full-text search over the site's content, in one language at a time.</summary>
/// <remarks>
/// The standalone site and the Umbraco package implement it with a Lucene.Net index kept in the data folder.
/// Implementations resolve hits against the current content snapshot, so a hit is never a deleted item.
/// </remarks>
public interface IContentSearch
{
    /// <summary>Runs a query. Never throws for bad query syntax: the text is taken as plain words.</summary>
    SearchResults Search(SearchQuery query);
}
