using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.Transitions;

/// <summary>Stage transitions: the from → to matrix, the median time spent in each stage, and the backward moves.</summary>
/// <remarks>Rows are the stage left (null: a visitor's first stage), repeated columns the stage entered.</remarks>
public sealed class TransitionsEntry : ReportEntry
{
    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "transitions", "ReportTransitionsTitle", "ReportTransitionsDescription", ReportFilters.DateRange | ReportFilters.Language | ReportFilters.Topic,
        [
            new("from_stage", "ReportColumnFromTo", ReportValueKind.Stage),
            new("to_", "ReportColumnToStage", ReportValueKind.Integer, ColumnRepeat.PerStage),
            new("median_hours_in_stage", "ReportColumnMedianTimeInStage", ReportValueKind.Duration),
        ],
        ReportChartKind.Bars, "ReportTransitionsChart")
    {
        FlagLegendKey = "ReportTransitionsFlags",
    };

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ITransitionsQuery query = context.Store;
        var report = await query.TransitionsAsync(context.Filter, context.StageOrder, cancellationToken).ConfigureAwait(false);
        var keys = context.StageOrder;
        var counts = report.Cells.ToDictionary(c => (c.From ?? string.Empty, c.To), c => c.Count);
        var rows = new List<ReportRow>();
        foreach (var from in new string?[] { null }.Concat(keys))
        {
            var cells = new List<object?> { from };
            var backward = new HashSet<int>();
            for (var i = 0; i < keys.Count; i++)
            {
                var count = counts.GetValueOrDefault((from ?? string.Empty, keys[i]));
                cells.Add(count);
                if (from is not null && count > 0 && i < IndexOf(keys, from))
                {
                    backward.Add(cells.Count - 1);
                }
            }

            cells.Add(from is not null && report.MedianTimeInStage.TryGetValue(from, out var median) ? median : null);
            rows.Add(new ReportRow(cells, from, FlaggedCells: backward));
        }

        return new ReportBody(
            rows,
            OneSeries(ReportChartKind.Bars, "median_hours_in_stage", "stay",
                keys.Where(report.MedianTimeInStage.ContainsKey).Select(k => new ChartPoint(
                        new(ReportValueKind.Stage, k), report.MedianTimeInStage[k].TotalHours, new(ReportValueKind.Duration, report.MedianTimeInStage[k]), k))),
            [
                new ReportNote("ReportTransitionsSummary",
                    [new(ReportValueKind.Integer, report.Moves), new(ReportValueKind.Integer, report.Backward), new(ReportValueKind.Share, report.BackwardShare)]),
            ]);
    }

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }
}
