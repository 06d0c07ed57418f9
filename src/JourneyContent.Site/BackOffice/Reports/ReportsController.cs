using System.Globalization;
using JourneyContent.Reports.Catalog;
using JourneyContent.Reports.Export;
using JourneyContent.Web;
using JourneyContent.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Site.BackOffice.Reports;

/// <summary>The marketers' overview and the reports of the <see cref="ReportCatalog"/>, each with its filters, its period and a CSV export.</summary>
[Route(BackOfficeRoutes.Root + "/reports")]
[Authorize(Policy = BackOfficePolicies.Marketers)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReportsController(ReportRunner runner, ReportPresenter presenter, TimeProvider time, IStringLocalizer<SharedStrings> strings) : Controller
{
    /// <summary>The marketers' landing page: the funnel, the leads of the period against the previous one, the trend, and a link to every report.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query = query with { Lang = null, Topic = null, Source = null, Format = null };
        var problem = ReportPeriod.TryParse(query.From, query.To, out var period);
        var culture = CultureInfo.CurrentUICulture;
        var context = Context(query, period, problem);
        if (problem == ReportPeriodProblem.Reversed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(BackOfficeViews.Overview, new ReportOverviewModel(context, null, null, 0, null, Menu(culture)));
        }

        var funnel = await runner.RunAsync(Entry("funnel"), query, HttpContext.RequestAborted);
        var trend = await runner.RunAsync(Entry("trend"), query, HttpContext.RequestAborted);
        int? previous = null;
        if (period.Previous is { } before)
        {
            previous = LeadsIn(await runner.RunAsync(Entry("trend"), before.ApplyTo(query), HttpContext.RequestAborted));
        }

        return View(BackOfficeViews.Overview, new ReportOverviewModel(
            context, presenter.Present(funnel.Result, culture), presenter.Present(trend.Result, culture), LeadsIn(trend), previous, Menu(culture)));
    }

    /// <summary>One report, as a page or (<c>format=csv</c>) as a CSV file; dates in the wrong order are refused (400) with a message.</summary>
    [HttpGet("{report}")]
    public async Task<IActionResult> Show(string report, [FromQuery] ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (runner.Catalog.Find(report) is not { } entry)
        {
            return NotFound();
        }

        var problem = entry.Definition.Supports(ReportFilters.DateRange) ? ReportPeriod.TryParse(query.From, query.To, out var period) : ReportPeriodProblem.None;
        if (problem == ReportPeriodProblem.Reversed && query.IsCsv)
        {
            return BadRequest(strings["ReportPeriodReversed"].Value);
        }

        var run = await runner.RunAsync(entry, problem == ReportPeriodProblem.Reversed ? query with { From = null, To = null } : query, HttpContext.RequestAborted);

        // The form shows the dates as typed, even refused ones.
        run = run with { Query = query };
        if (query.IsCsv)
        {
            Response.Headers.CacheControl = "no-store";
            return File(ReportCsv.For(run.Result).ToUtf8WithBom(), CsvTable.ContentType, ReportCsv.FileName(entry.Definition, time.GetUtcNow()));
        }

        var culture = CultureInfo.CurrentUICulture;
        var context = Context(query, run.Period, problem);
        if (problem == ReportPeriodProblem.Reversed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // A bounded period is compared with the one just before it, cell by cell.
        PresentedReport? previous = null;
        if (problem != ReportPeriodProblem.Reversed && run.Period.Previous is { } before)
        {
            previous = presenter.Present((await runner.RunAsync(entry, before.ApplyTo(query), HttpContext.RequestAborted)).Result, culture);
        }

        var model = new ReportPageModel(run, presenter.Present(run.Result, culture), Menu(culture), context) { Previous = previous };
        return View(BackOfficeViews.Reports, model);
    }

    private IReportEntry Entry(string key) => runner.Catalog.Find(key) ?? runner.Catalog.First;

    private IReadOnlyList<PresentedDefinition> Menu(CultureInfo culture) => [.. runner.Catalog.Reports.Select(r => presenter.Describe(r.Definition, culture))];

    /// <summary>The period shown, in words, with the presets and, for a bounded period, the previous one.</summary>
    private ReportPeriodContext Context(ReportQuery query, ReportPeriod period, ReportPeriodProblem problem)
    {
        var culture = CultureInfo.CurrentCulture;
        var today = ReportPeriod.Today(time);
        var presets = ReportPeriod.Presets(today)
            .Select(p => new ReportPresetLink(strings["ReportPreset." + p.Key], p.Period.ApplyTo(query with { Format = null }).FilterQuery(), p.Period == period && problem == ReportPeriodProblem.None))
            .Prepend(new ReportPresetLink(strings["ReportPeriodAllTime"], (query with { From = null, To = null, Format = null }).FilterQuery(), period.IsAllTime && problem == ReportPeriodProblem.None))
            .ToList();
        var error = problem == ReportPeriodProblem.Reversed ? strings["ReportPeriodReversed"].Value : null;
        return new ReportPeriodContext(Describe(period, culture), period.Previous is { } before ? Describe(before, culture) : null, presets, error);
    }

    private string Describe(ReportPeriod period, CultureInfo culture) => (period.From, period.To) switch
    {
        (null, null) => strings["ReportPeriodAllTime"],
        ({ } from, null) => strings["ReportPeriodSince", ReportPeriod.Format(from, culture)],
        (null, { } to) => strings["ReportPeriodUntil", ReportPeriod.Format(to, culture)],
        ({ } from, { } to) => strings["ReportPeriodBetween", ReportPeriod.Format(from, culture), ReportPeriod.Format(to, culture)],
    };

    private static int LeadsIn(ReportRun trend) => trend.Result.Column("total").OfType<int>().Sum();
}

/// <summary>A report page: the report computed and presented, the catalogue for the menu, and the period shown.</summary>
/// <param name="Run">The computed report with its query and filter.</param>
/// <param name="Report">The report in the reader's language.</param>
/// <param name="Menu">Every report of the catalogue, in menu order.</param>
/// <param name="Period">The period shown, its presets and what was wrong with the dates.</param>
public sealed record ReportPageModel(ReportRun Run, PresentedReport Report, IReadOnlyList<PresentedDefinition> Menu, ReportPeriodContext Period)
{
    /// <summary>The same report over the previous period, when the period is bounded; null otherwise.</summary>
    public PresentedReport? Previous { get; init; }

    /// <summary>The previous period's text of the count in row <paramref name="row"/>, column <paramref name="column"/>, matched by the row's first cell; null when there is none to compare.</summary>
    public string? PreviousCount(PresentedRow row, int column)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Previous is null || column <= 0 || column >= Report.Columns.Count || Report.Columns[column].Kind != ReportValueKind.Integer)
        {
            return null;
        }

        var key = Key(row);
        var match = Previous.Rows.FirstOrDefault(r => Key(r) == key);
        return match is null || column >= match.Cells.Count ? null : match.Cells[column].Text;
    }

    private static string? Key(PresentedRow row) => row.Cells.Count == 0 ? null : Convert.ToString(row.Cells[0].Value, CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>The period of a report page in words.</summary>
/// <param name="Label">The period shown ("All time", "Nov 4, 2026 – Dec 3, 2026").</param>
/// <param name="Previous">The previous period of a bounded one, in words; null otherwise.</param>
/// <param name="Presets">All time and the preset periods, as links that keep the other filters.</param>
/// <param name="Error">Why the dates were refused (in the wrong order); null when they were not.</param>
public sealed record ReportPeriodContext(string Label, string? Previous, IReadOnlyList<ReportPresetLink> Presets, string? Error);

/// <summary>One preset period as a link.</summary>
/// <param name="Label">Its name ("Last 30 days").</param>
/// <param name="Query">The query string of the same filters over its days.</param>
/// <param name="Current">True when it is the period shown.</param>
public sealed record ReportPresetLink(string Label, string Query, bool Current);

/// <summary>The marketers' overview.</summary>
/// <param name="Period">The period shown.</param>
/// <param name="Funnel">The funnel of the period; null when the dates were refused.</param>
/// <param name="Trend">The leads per week of the period; null when the dates were refused.</param>
/// <param name="Leads">Leads captured in the period.</param>
/// <param name="PreviousLeads">Leads captured in the previous period of a bounded one; null otherwise.</param>
/// <param name="Menu">Every report, with what it shows.</param>
public sealed record ReportOverviewModel(ReportPeriodContext Period, PresentedReport? Funnel, PresentedReport? Trend, int Leads, int? PreviousLeads, IReadOnlyList<PresentedDefinition> Menu);
