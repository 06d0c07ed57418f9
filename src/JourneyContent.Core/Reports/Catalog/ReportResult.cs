namespace JourneyContent.Reports.Catalog;

/// <summary>A value with what it means: a chart label or a note's argument.</summary>
/// <param name="Kind">What <paramref name="Value"/> holds.</param>
/// <param name="Value">A stage key, content id, column key, number, date or text.</param>
public readonly record struct ReportValue(ReportValueKind Kind, object? Value);

/// <summary>One row of a computed report.</summary>
/// <param name="Cells">One value per column of <see cref="ReportResult.Columns"/>, of the column's kind.</param>
/// <param name="StageKey">The stage the row is about, for colouring; null when it is not about one stage.</param>
/// <param name="Flagged">The row deserves attention (the stage that loses the most, for example).</param>
/// <param name="FlaggedCells">Indexes of the cells that deserve attention (a gap, a backward move).</param>
public sealed record ReportRow(IReadOnlyList<object?> Cells, string? StageKey = null, bool Flagged = false, IReadOnlySet<int>? FlaggedCells = null)
{
    /// <summary>True when the cell at <paramref name="index"/> deserves attention.</summary>
    public bool IsFlagged(int index) => FlaggedCells?.Contains(index) == true;
}

/// <summary>One bar of a chart.</summary>
/// <param name="Label">What the bar is (a stage, an item, a column, a week).</param>
/// <param name="Value">Its length.</param>
/// <param name="Display">How its value is written beside it.</param>
/// <param name="StageKey">The stage whose colour it takes; null for a neutral bar.</param>
public sealed record ChartPoint(ReportValue Label, double Value, ReportValue Display, string? StageKey = null);

/// <summary>A series of bars: the only one of a bar chart, a stage of stacked columns, one funnel of several.</summary>
/// <param name="Name">What the series is; for stacked columns, the stage.</param>
/// <param name="Points">Its bars, in order.</param>
/// <param name="Id">A stable, slug-like identifier (for element ids).</param>
public sealed record ChartSeries(ReportValue Name, IReadOnlyList<ChartPoint> Points, string Id);

/// <summary>The chart of a computed report.</summary>
/// <param name="Kind">How it is drawn.</param>
/// <param name="Series">Its series.</param>
public sealed record ReportChart(ReportChartKind Kind, IReadOnlyList<ChartSeries> Series);

/// <summary>A sentence under a report's title, as a resource key and its arguments.</summary>
/// <param name="Key">The resource key, a format string.</param>
/// <param name="Arguments">Its <c>{0}</c>, <c>{1}</c>… in order.</param>
public sealed record ReportNote(string Key, IReadOnlyList<ReportValue> Arguments);

/// <summary>A computed report, in one shape for every report: the page, the CSV export and the dashboard API read it alike.</summary>
/// <param name="Definition">The report's definition.</param>
/// <param name="Columns">Its columns, repeated ones expanded.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Chart">Its chart.</param>
/// <param name="Notes">Sentences computed with the report (a total, the stage that loses the most).</param>
public sealed record ReportResult(ReportDefinition Definition, IReadOnlyList<ReportColumnInstance> Columns, IReadOnlyList<ReportRow> Rows, ReportChart Chart, IReadOnlyList<ReportNote> Notes)
{
    /// <summary>The cells of the column whose key is <paramref name="columnKey"/>, row by row.</summary>
    /// <exception cref="KeyNotFoundException">When the report has no such column.</exception>
    public IEnumerable<object?> Column(string columnKey)
    {
        var index = Columns.ToList().FindIndex(c => c.Key == columnKey);
        if (index < 0)
        {
            throw new KeyNotFoundException($"The report '{Definition.Key}' has no column '{columnKey}'.");
        }

        return Rows.Select(r => r.Cells[index]);
    }
}
