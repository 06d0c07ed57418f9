namespace JourneyContent.Reports.Catalog;

/// <summary>
/// The common shape of a catalogue entry: a definition, and the rows, chart and notes its store query gives. The entry
/// computes only its body; the columns default to the definition's, expanded over the site's stages, languages and kinds.
/// </summary>
public abstract class ReportEntry : IReportEntry
{
    /// <inheritdoc />
    public abstract ReportDefinition Definition { get; }

    /// <inheritdoc />
    public async Task<ReportResult> RunAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await ComputeAsync(context, cancellationToken).ConfigureAwait(false);
        var columns = body.Columns ?? context.Columns(Definition);
        var rows = body.Rows;
        if (context.Filter.Source is not null)
        {
            // Leads from one source over every visitor is no rate at all: such cells are left empty, not shown as "0.0 %".
            var meaningless = columns.Select((c, i) => (c, i)).Where(x => x.c.Column.Audience == ReportAudience.LeadsOverVisitors).Select(x => x.i).ToHashSet();
            if (meaningless.Count > 0)
            {
                rows = [.. rows.Select(r => r with { Cells = [.. r.Cells.Select((cell, i) => meaningless.Contains(i) ? null : cell)] })];
            }
        }

        return new ReportResult(Definition, columns, rows, body.Chart, body.Notes ?? []);
    }

    /// <summary>Runs the report's query and shapes its rows, chart and notes.</summary>
    protected abstract Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken);

    /// <summary>A chart of one series, named by the column whose values its bars show.</summary>
    protected static ReportChart OneSeries(ReportChartKind kind, string column, string id, IEnumerable<ChartPoint> points) =>
        new(kind, [new ChartSeries(new(ReportValueKind.Column, column), [.. points], id)]);
}

/// <summary>What an entry computes: rows, chart, notes and, when they depend on the data, its columns.</summary>
/// <param name="Rows">The rows.</param>
/// <param name="Chart">The chart.</param>
/// <param name="Notes">Sentences computed with the report; none when null.</param>
/// <param name="Columns">The columns when the entry expands them itself; the definition's over the site's model when null.</param>
public sealed record ReportBody(IReadOnlyList<ReportRow> Rows, ReportChart Chart, IReadOnlyList<ReportNote>? Notes = null, IReadOnlyList<ReportColumnInstance>? Columns = null);
