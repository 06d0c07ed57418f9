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
            new("visitors", "ReportColumnVisitorsNow", ReportValueKind.Integer),
            new("leads", "ReportColumnLeadsNow", ReportValueKind.Integer),
            new("reached", "ReportColumnReached", ReportValueKind.Integer),
            new("conversion_to_next", "ReportColumnConversionToNext", ReportValueKind.Share),
        ],
        ReportChartKind.Funnel, "ReportFunnelChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IFunnelQuery query = context.Store;
        var funnel = await query.FunnelAsync(context.Filter, context.StageOrder, cancellationToken).ConfigureAwait(false);
        return new ReportBody(
            [.. funnel.Stages.Select(s => new ReportRow([s.Stage, s.Visitors, s.Leads, s.Reached, s.ConversionToNext], s.Stage))],
            OneSeries(ReportChartKind.Funnel, "visitors", "funnel",
                funnel.Stages.Select(s => new ChartPoint(new(ReportValueKind.Stage, s.Stage), s.Visitors, new(ReportValueKind.Integer, s.Visitors), s.Stage))));
    }
}
