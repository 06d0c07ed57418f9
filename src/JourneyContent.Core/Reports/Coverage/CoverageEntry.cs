using JourneyContent.Coverage;
using JourneyContent.Reports.Catalog;
using JourneyContent.Reports.Funnel;

namespace JourneyContent.Reports.Coverage;

/// <summary>Coverage: published content by stage, language and kind, next to the visitors now in each stage.</summary>
/// <remarks>Computed from the catalogue (<see cref="CoverageMatrix"/>) and the funnel's query for the visitors.</remarks>
public sealed class CoverageEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "coverage", "ReportCoverageTitle", "ReportCoverageDescription", ReportFilters.DateRange | ReportFilters.Language | ReportFilters.Topic,
        [
            new("stage", "ReportColumnStage", ReportValueKind.Stage),
            new("items", "ReportColumnItems", ReportValueKind.Integer),
            new("items_", "ReportColumnItemsInLanguage", ReportValueKind.Integer, ColumnRepeat.PerLanguage),
            new("calls_to_action", "ReportColumnCallsToAction", ReportValueKind.Integer),
            new("kind_", "ReportColumnItemsOfKind", ReportValueKind.Integer, ColumnRepeat.PerKind),
            new("visitors_now", "ReportColumnVisitorsNow", ReportValueKind.Integer, Audience: ReportAudience.Visitors),
        ],
        ReportChartKind.Bars, "ReportCoverageChart")
    {
        FlagLegendKey = "ReportCoverageFlags",
    };

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        IFunnelQuery query = context.Store;
        var filter = context.Filter;
        var coverage = CoverageMatrix.Compute(context.Content.Items.Where(i => filter.ContentIds is null || filter.ContentIds.Contains(i.Id)), context.Stages, context.Content.Languages);
        var funnel = await query.FunnelAsync(filter, context.StageOrder, cancellationToken).ConfigureAwait(false);
        int Visitors(string stage) => funnel.Stages.FirstOrDefault(s => s.Stage == stage)?.Visitors ?? 0;
        var rows = new List<ReportRow>();
        foreach (var row in coverage.Rows)
        {
            var visitors = Visitors(row.Stage.Key);
            var gaps = new HashSet<int>();
            if (row.Total == 0 && visitors > 0)
            {
                gaps.Add(1);
            }

            for (var i = 0; i < coverage.Languages.Count; i++)
            {
                if (row.InLanguage(coverage.Languages[i]) == 0)
                {
                    gaps.Add(2 + i);
                }
            }

            rows.Add(new ReportRow(
                [row.Stage.Key, row.Total, .. coverage.Languages.Select(l => (object?)row.InLanguage(l)), row.CallsToAction, .. coverage.Kinds.Select(k => (object?)row.OfKind(k.Key)), visitors],
                row.Stage.Key, FlaggedCells: gaps));
        }

        var chart = OneSeries(ReportChartKind.Bars, "visitors_now", "coverage", coverage.Rows.Select(r =>
        {
            var perItem = r.Total == 0 ? Visitors(r.Stage.Key) : (double)Visitors(r.Stage.Key) / r.Total;
            return new ChartPoint(new(ReportValueKind.Stage, r.Stage.Key), perItem, new(ReportValueKind.Number, perItem), r.Stage.Key);
        }));

        // The matrix's languages and kinds, not the snapshot's: the columns are the ones its rows were counted in.
        return new ReportBody(rows, chart, Columns: Definition.Expand(context.StageOrder, coverage.Languages, [.. coverage.Kinds.Select(k => k.Key)]));
    }
}
