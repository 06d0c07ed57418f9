namespace JourneyContent.Reports.ContentInfluence;

/// <summary>One item's influence.</summary>
/// <param name="ContentId">The item.</param>
/// <param name="Views">Views in the range.</param>
/// <param name="Readers">Distinct visitors who viewed it in the range.</param>
/// <param name="Leads">Leads who asked for it through its form in the range.</param>
/// <param name="MovedForward">Readers whose next stage change, within 14 days of their first view, was a move forward.</param>
public sealed record ContentInfluenceRow(string ContentId, int Views, int Readers, int Leads, int MovedForward)
{
    /// <summary>The share of readers moved forward, or null without readers.</summary>
    public double? ForwardShare => Readers == 0 ? null : (double)MovedForward / Readers;
}

/// <summary>The content influence store query.</summary>
public interface IContentInfluenceQuery
{
    /// <summary>Views, readers, leads and forward moves per item, most viewed first.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="stageOrder">The stage keys in funnel order, so forward is the site's.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ContentInfluenceRow>> ContentInfluenceAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);
}
