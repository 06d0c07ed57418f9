using System.Globalization;
using JourneyContent.Coverage;
using JourneyContent.Reports.Catalog;
using JourneyContent.Stages;
using JourneyContent.Web.Reports.Charts;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Web.Reports;

/// <summary>
/// Turns catalogue entries and computed reports into words and formatted numbers in one culture: the report page and the
/// Umbraco dashboard API both show what this returns, so a report reads the same in both.
/// </summary>
/// <remarks>Titles, headers and notes come from <c>SharedStrings.resx</c> by the keys the catalogue names.</remarks>
public sealed class ReportPresenter(IStringLocalizer<SharedStrings> strings, StageModel stages)
{
    /// <summary>A report's title, description and filters, for menus and the dashboard's list.</summary>
    public PresentedDefinition Describe(ReportDefinition report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(culture);
        using var scope = new CultureScope(culture);
        return new PresentedDefinition(
            report.Key, strings[report.TitleKey], strings[report.DescriptionKey], ReportQuery.KeysOf(report), report.ChartKind,
            [.. report.Columns.Select(c => new PresentedColumnDefinition(c.Key, c.Kind, c.Repeat, Header(c, null)))]);
    }

    /// <summary>A computed report, every cell with its text.</summary>
    public PresentedReport Present(ReportResult result, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(culture);
        using var scope = new CultureScope(culture);
        var report = result.Definition;
        var columns = result.Columns.Select(c => new PresentedColumn(c.Key, Header(c.Column, c.Parameter), c.Column.Kind)).ToList();
        var rows = result.Rows.Select(row => new PresentedRow(
            [.. row.Cells.Select((cell, i) => new PresentedCell(Raw(cell), Text(result, result.Columns[i].Column.Kind, cell), row.IsFlagged(i)))],
            row.StageKey, row.Flagged)).ToList();
        var chart = new PresentedChart(result.Chart.Kind, strings[report.ChartTitleKey],
            [.. result.Chart.Series.Select(s => new PresentedSeries(s.Id, Text(result, s.Name), s.Name.Kind == ReportValueKind.Stage ? s.Name.Value as string : null,
                [.. s.Points.Select((p, i) => new ChartBar(ChartLabel(result, s.Points, i), p.Value, p.StageKey, Text(result, p.Display)))]))]);
        var notes = result.Notes.Select(n => string.Format(culture, strings[n.Key].Value, [.. n.Arguments.Select(a => (object)Text(result, a))])).ToList();
        return new PresentedReport(report.Key, strings[report.TitleKey], strings[report.DescriptionKey], notes, columns, rows, chart)
        {
            FlagLegend = report.FlagLegendKey is { } legend && result.Rows.Any(r => r.Flagged || r.FlaggedCells is { Count: > 0 }) ? strings[legend].Value : null,
            VisitorColumns = [.. result.Columns.Where(c => c.Column.Audience == ReportAudience.Visitors).Select(c => Header(c.Column, c.Parameter)).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>A value as the JSON API sends it: numbers as numbers (durations in hours), dates as <c>yyyy-MM-dd</c>.</summary>
    public static object? Raw(object? cell) => cell switch
    {
        TimeSpan duration => Math.Round(duration.TotalHours, 2),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => cell,
    };

    /// <summary>
    /// A bar's label. Days on a chart axis are short ("Dec 3", "3 déc."), in the reader's order of day and month; the
    /// first day of the axis and the first of each new year carry the year, so weeks across New Year read right.
    /// </summary>
    private string ChartLabel(ReportResult result, IReadOnlyList<ChartPoint> points, int index)
    {
        var label = points[index].Label;
        if (label.Kind != ReportValueKind.Date || label.Value is not DateOnly day)
        {
            return Text(result, label);
        }

        var culture = CultureInfo.CurrentCulture;
        var newYear = index == 0 || points[index - 1].Label.Value is not DateOnly previous || previous.Year != day.Year;
        return newYear ? ReportPeriod.Format(day, culture) : ReportPeriod.FormatShort(day, culture);
    }

    private string Header(ReportColumn column, string? parameter)
    {
        if (column.Repeat == ColumnRepeat.Once)
        {
            return strings[column.HeaderKey];
        }

        var name = parameter is null ? "…" : column.Repeat switch
        {
            ColumnRepeat.PerStage => StageName(parameter),
            ColumnRepeat.PerKind => stages.FindKind(parameter)?.Label.Get(Language) ?? parameter,
            _ => parameter,
        };
        return strings[column.HeaderKey, name];
    }

    private string Text(ReportResult result, ReportValue value) =>
        value.Kind == ReportValueKind.Column && value.Value is string key
            ? result.Columns.FirstOrDefault(c => c.Key == key) is { } column ? Header(column.Column, column.Parameter) : key
            : Text(result, value.Kind, value.Value);

    private string Text(ReportResult result, ReportValueKind kind, object? value)
    {
        var culture = CultureInfo.CurrentCulture;
        return kind switch
        {
            ReportValueKind.Stage => value is string stage ? StageName(stage) : strings["ReportEntryStage"],
            ReportValueKind.Column => Text(result, new ReportValue(kind, value)),
            _ => value switch
            {
                null => kind == ReportValueKind.Share ? "—" : string.Empty,
                double share when kind == ReportValueKind.Share => share.ToString("P1", culture),
                int count => count.ToString("N0", culture),
                long count => count.ToString("N0", culture),
                double number => number.ToString("#,0.#", culture),
                TimeSpan duration => duration.TotalDays >= 1
                    ? strings["ReportDurationDays", duration.TotalDays.ToString("0.0", culture)]
                    : strings["ReportDurationHours", duration.TotalHours.ToString("0.0", culture)],
                DateOnly day => ReportPeriod.Format(day, culture),
                IFormattable formattable => formattable.ToString(null, culture),
                _ => value.ToString() ?? string.Empty,
            },
        };
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private string StageName(string key) => key.Length == 0
        ? strings["ReportUntaggedStage"]
        : stages.FindStage(key)?.Label.Get(Language) ?? key;

    /// <summary>Localizers read the current UI culture: this sets both cultures for one synchronous presentation.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}

/// <summary>A catalogue entry in one language.</summary>
/// <param name="Key">The report's key.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Filters">The query keys it honours (<c>from</c>, <c>to</c>, <c>lang</c>, <c>topic</c>, <c>source</c>).</param>
/// <param name="Chart">How its chart is drawn.</param>
/// <param name="Columns">Its declared columns.</param>
public sealed record PresentedDefinition(string Key, string Title, string Description, IReadOnlyList<string> Filters, ReportChartKind Chart, IReadOnlyList<PresentedColumnDefinition> Columns);

/// <summary>A declared column in one language.</summary>
/// <param name="Key">Its key (a prefix when repeated).</param>
/// <param name="Kind">What its cells hold.</param>
/// <param name="Repeat">Whether it repeats per stage, language or kind.</param>
/// <param name="Header">Its header.</param>
public sealed record PresentedColumnDefinition(string Key, ReportValueKind Kind, ColumnRepeat Repeat, string Header);

/// <summary>A computed report in one language.</summary>
/// <param name="Key">The report's key.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Notes">Sentences computed with it.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Chart">Its chart.</param>
public sealed record PresentedReport(string Key, string Title, string Description, IReadOnlyList<string> Notes, IReadOnlyList<PresentedColumn> Columns, IReadOnlyList<PresentedRow> Rows, PresentedChart Chart)
{
    /// <summary>What the highlighted cells or rows mean, when the report highlights some; null otherwise.</summary>
    public string? FlagLegend { get; init; }

    /// <summary>The headers of the columns that count visitors, which the source filter does not narrow.</summary>
    public IReadOnlyList<string> VisitorColumns { get; init; } = [];

    /// <summary>True when no row counts anything (no row, or every count at zero): the period and filters matched nothing.</summary>
    public bool IsEmpty => Rows.All(r => r.Cells.All(c => c.Value switch
    {
        int n => n <= 0,
        long n => n <= 0,
        double n => !(n > 0),
        _ => true,
    }));
}

/// <summary>A column of a computed report.</summary>
/// <param name="Key">Its key, as in the CSV export.</param>
/// <param name="Header">Its header.</param>
/// <param name="Kind">What its cells hold.</param>
public sealed record PresentedColumn(string Key, string Header, ReportValueKind Kind);

/// <summary>A row of a computed report.</summary>
/// <param name="Cells">Its cells.</param>
/// <param name="StageKey">The stage it is about, or null.</param>
/// <param name="Flagged">Whether it deserves attention.</param>
public sealed record PresentedRow(IReadOnlyList<PresentedCell> Cells, string? StageKey, bool Flagged);

/// <summary>A cell: its value and its text.</summary>
/// <param name="Value">The value, JSON-ready (see <see cref="ReportPresenter.Raw"/>).</param>
/// <param name="Text">The value as shown.</param>
/// <param name="Flagged">Whether it deserves attention.</param>
public sealed record PresentedCell(object? Value, string Text, bool Flagged);

/// <summary>A chart in one language.</summary>
/// <param name="Kind">How it is drawn.</param>
/// <param name="Title">Its title.</param>
/// <param name="Series">Its series.</param>
public sealed record PresentedChart(ReportChartKind Kind, string Title, IReadOnlyList<PresentedSeries> Series);

/// <summary>A series of bars in one language.</summary>
/// <param name="Id">A slug-like id.</param>
/// <param name="Name">Its name.</param>
/// <param name="StageKey">The stage it is, for stacked columns; null otherwise.</param>
/// <param name="Bars">Its bars.</param>
public sealed record PresentedSeries(string Id, string Name, string? StageKey, IReadOnlyList<ChartBar> Bars);
