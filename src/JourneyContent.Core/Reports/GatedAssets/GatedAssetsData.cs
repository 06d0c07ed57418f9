namespace JourneyContent.Reports.GatedAssets;

/// <summary>One gated asset's path from form to file.</summary>
/// <param name="ContentId">The gated item.</param>
/// <param name="FormViews">Views of its page (tracked visitors).</param>
/// <param name="Submissions">Form submissions (every lead, tracked or not).</param>
/// <param name="Downloads">Leads who used their link at least once.</param>
public sealed record GatedAssetRow(string ContentId, int FormViews, int Submissions, int Downloads);

/// <summary>The gated assets' store query.</summary>
public interface IGatedAssetsQuery
{
    /// <summary>Form views, submissions and downloads for these gated items.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="gatedContentIds">The gated items of the catalogue.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<GatedAssetRow>> GatedAssetsAsync(ReportFilter filter, IReadOnlyList<string> gatedContentIds, CancellationToken cancellationToken);
}
