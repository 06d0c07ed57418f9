namespace JourneyContent.Reports;

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

/// <summary>How many moves went from one stage to another.</summary>
/// <param name="From">The stage left; null for a visitor's first stage.</param>
/// <param name="To">The stage entered.</param>
/// <param name="Count">How many moves.</param>
public sealed record TransitionCell(string? From, string To, int Count);

/// <summary>Stage transitions: the from → to matrix, the median time spent in each stage before leaving it, and the backward moves.</summary>
/// <param name="Cells">Non-empty cells.</param>
/// <param name="MedianTimeInStage">By stage key: the median time between entering the stage and leaving it (only stays that ended in the range); absent when none ended.</param>
/// <param name="Moves">Moves between two stages (first stages excluded).</param>
/// <param name="Backward">Of those, the moves to an earlier stage.</param>
public sealed record TransitionReport(IReadOnlyList<TransitionCell> Cells, IReadOnlyDictionary<string, TimeSpan> MedianTimeInStage, int Moves, int Backward)
{
    /// <summary>The share of moves that went backward, or null without moves.</summary>
    public double? BackwardShare => Moves == 0 ? null : (double)Backward / Moves;
}

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

/// <summary>One gated asset's path from form to file.</summary>
/// <param name="ContentId">The gated item.</param>
/// <param name="FormViews">Views of its page (tracked visitors).</param>
/// <param name="Submissions">Form submissions (every lead, tracked or not).</param>
/// <param name="Downloads">Leads who used their link at least once.</param>
public sealed record GatedAssetRow(string ContentId, int FormViews, int Submissions, int Downloads);

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

/// <summary>Leads captured in one week, by their current stage.</summary>
/// <param name="WeekStart">The Monday of the ISO week.</param>
/// <param name="ByStage">Leads by stage key (stages without leads are absent); untagged leads under the empty key.</param>
public sealed record TrendWeek(DateOnly WeekStart, IReadOnlyDictionary<string, int> ByStage)
{
    /// <summary>All leads of the week.</summary>
    public int Total => ByStage.Values.Sum();
}

/// <summary>The stored facts the reports are computed from, queried when a report is asked for (no nightly rebuild).</summary>
/// <remarks>The <c>stageOrder</c> arguments list the stage keys in funnel order, so forward and backward are the site's.</remarks>
public interface IReportStore
{
    /// <summary>Visitors and leads by current stage, and conversions.</summary>
    Task<FunnelReport> FunnelAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);

    /// <summary>The transition matrix, median time in stage and backward moves.</summary>
    Task<TransitionReport> TransitionsAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);

    /// <summary>Views, readers, leads and forward moves per item, most viewed first.</summary>
    Task<IReadOnlyList<ContentInfluenceRow>> ContentInfluenceAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);

    /// <summary>Form views, submissions and downloads for these gated items.</summary>
    Task<IReadOnlyList<GatedAssetRow>> GatedAssetsAsync(ReportFilter filter, IReadOnlyList<string> gatedContentIds, CancellationToken cancellationToken);

    /// <summary>Leads without activity for 30 days before the range's end, by stage.</summary>
    Task<DropOffReport> DropOffAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leads captured per ISO week, by current stage, oldest week first.</summary>
    Task<IReadOnlyList<TrendWeek>> TrendAsync(ReportFilter filter, CancellationToken cancellationToken);
}
