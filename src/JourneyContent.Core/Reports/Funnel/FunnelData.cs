namespace JourneyContent.Reports.Funnel;

/// <summary>One stage of the funnel.</summary>
/// <param name="Stage">The stage key.</param>
/// <param name="Visitors">Visitors whose current stage this is.</param>
/// <param name="Leads">Leads whose current stage this is.</param>
/// <param name="Reached">Visitors who reached this stage or a later one at some point.</param>
/// <param name="ConversionToNext">Of those who reached this stage, the share who reached the next one; null for the last stage or when nobody reached this one.</param>
public sealed record FunnelStage(string Stage, int Visitors, int Leads, int Reached, double? ConversionToNext);

/// <summary>Visitors and leads by current stage, and the conversion between consecutive stages.</summary>
/// <param name="Stages">In funnel order.</param>
public sealed record FunnelReport(IReadOnlyList<FunnelStage> Stages);

/// <summary>The funnel's store query.</summary>
public interface IFunnelQuery
{
    /// <summary>Visitors and leads by current stage, and conversions.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="stageOrder">The stage keys in funnel order.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<FunnelReport> FunnelAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);
}
