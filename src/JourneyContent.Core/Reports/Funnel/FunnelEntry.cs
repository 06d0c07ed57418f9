using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.Funnel;

/// <summary>The funnel: visitors and leads by current stage, and the conversion between consecutive stages.</summary>
public sealed class FunnelEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "funnel", "ReportFunnelTitle", "ReportFunnelDescription", ReportFilters.All,
        [
            new("stage", "ReportColumnStage", ReportValueKind.Stage),
            new("visitors", "ReportColumnVisitorsNow", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("leads", "ReportColumnLeadsNow", ReportValueKind.Integer),
            new("reached", "ReportColumnReached", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
            new("conversion_to_next", "ReportColumnConversionToNext", ReportValueKind.Share, Audience: ReportAudience.Visitors),
        ],
        ReportChartKind.Funnel, "ReportFunnelChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IFunnelQuery query = context.Store;
        var funnel = await query.FunnelAsync(context.Filter, context.StageOrder, cancellationToken).ConfigureAwait(false);
        return new ReportBody(
            [.. funnel.Stages.Select(s => new ReportRow([s.Stage, s.Visitors, s.Leads, s.Reached, s.ConversionToNext], s.Stage))],
            // The funnel proper: how many reached each stage (or a later one), so the bars narrow from the top.
            OneSeries(ReportChartKind.Funnel, "reached", "funnel",
                funnel.Stages.Select(s => new ChartPoint(new(ReportValueKind.Stage, s.Stage), s.Reached, new(ReportValueKind.Integer, s.Reached), s.Stage))));
    }
}
