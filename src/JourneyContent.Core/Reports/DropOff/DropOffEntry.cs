using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.DropOff;

/// <summary>Drop-off: leads without activity for 30 days, by stage, and the stage that loses the most.</summary>
public sealed class DropOffEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "drop-off", "ReportDropOffTitle", "ReportDropOffDescription", ReportFilters.All,
        [
            new("stage", "ReportColumnStage", ReportValueKind.Stage),
            new("leads", "ReportColumnLeads", ReportValueKind.Integer),
            new("inactive_30_days", "ReportColumnInactive30Days", ReportValueKind.Integer),
            new("inactive_share", "ReportColumnShare", ReportValueKind.Share),
        ],
        ReportChartKind.Bars, "ReportDropOffChart")
    {
        FlagLegendKey = "ReportDropOffFlags",
    };

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IDropOffQuery query = context.Store;
        var report = await query.DropOffAsync(context.Filter, context.StageOrder, context.Now, cancellationToken).ConfigureAwait(false);
        ReportNote note = report.LosesMost is { } worst
            ? new("ReportDropOffLosesMost", [new(ReportValueKind.Stage, worst)])
            : new("ReportDropOffNone", []);
        return new ReportBody(
            [.. report.Rows.Select(r => new ReportRow([r.Stage, r.Leads, r.Inactive, r.InactiveShare], r.Stage, Flagged: r.Stage == report.LosesMost))],
            OneSeries(ReportChartKind.Bars, "inactive_30_days", "drop",
                report.Rows.Select(r => new ChartPoint(new(ReportValueKind.Stage, r.Stage), r.Inactive, new(ReportValueKind.Integer, r.Inactive), r.Stage))),
            [note]);
    }
}
