namespace JourneyContent.Reports.DropOff;

/// <summary>Leads without activity for 30 days, in one stage.</summary>
/// <param name="Stage">The stage key.</param>
/// <param name="Leads">Leads in the stage.</param>
/// <param name="Inactive">Of those, leads with no activity in the 30 days before the report's end.</param>
public sealed record DropOffRow(string Stage, int Leads, int Inactive)
{
    /// <summary>The inactive share, or null without leads.</summary>
    public double? InactiveShare => Leads == 0 ? null : (double)Inactive / Leads;
}

/// <summary>Where leads stall: inactive leads by stage, and the stage that loses the most.</summary>
/// <param name="Rows">In funnel order.</param>
/// <param name="LosesMost">The stage with the most inactive leads (ties: the earlier stage), or null when none is inactive.</param>
public sealed record DropOffReport(IReadOnlyList<DropOffRow> Rows, string? LosesMost);

/// <summary>The drop-off store query.</summary>
public interface IDropOffQuery
{
    /// <summary>Leads without activity for 30 days before the range's end, by stage.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="stageOrder">The stage keys in funnel order.</param>
    /// <param name="now">The range's end when the filter has none.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<DropOffReport> DropOffAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, DateTimeOffset now, CancellationToken cancellationToken);
}
