using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.Trend;

/// <summary>Trend: leads captured per ISO week, by their current stage.</summary>
public sealed class TrendEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "trend", "ReportTrendTitle", "ReportTrendDescription", ReportFilters.All,
        [
            new("week_start", "ReportColumnWeekOf", ReportValueKind.Date),
            new("leads_", "ReportColumnLeadsInStage", ReportValueKind.Integer, ColumnRepeat.PerStage),
            new("total", "ReportColumnTotal", ReportValueKind.Integer),
        ],
        ReportChartKind.StackedColumns, "ReportTrendChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ITrendQuery query = context.Store;
        var weeks = await query.TrendAsync(context.Filter, cancellationToken).ConfigureAwait(false);
        var keys = context.StageOrder;
        return new ReportBody(
            [.. weeks.Select(w => new ReportRow([w.WeekStart, .. keys.Select(k => (object?)w.ByStage.GetValueOrDefault(k)), w.Total]))],
            new ReportChart(ReportChartKind.StackedColumns,
                [.. keys.Select(k => new ChartSeries(new(ReportValueKind.Stage, k),
                    [.. weeks.Select(w => new ChartPoint(new(ReportValueKind.Date, w.WeekStart), w.ByStage.GetValueOrDefault(k), new(ReportValueKind.Integer, w.ByStage.GetValueOrDefault(k)), k))],
                    k))]));
    }
}
