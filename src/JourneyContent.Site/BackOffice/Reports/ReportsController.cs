using System.Globalization;
using JourneyContent.Reports.Export;
using JourneyContent.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Site.BackOffice.Reports;

/// <summary>The marketer reports of the <see cref="JourneyContent.Reports.Catalog.ReportCatalog"/>, each with its filters and a CSV export.</summary>
[Route(BackOfficeRoutes.Root + "/reports")]
[Authorize(Policy = BackOfficePolicies.Marketers)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReportsController(ReportRunner runner, ReportPresenter presenter, TimeProvider time) : Controller
{
    /// <summary>The reports' home: the catalogue's first report.</summary>
    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery] ReportQuery query) => Show(runner.Catalog.First.Definition.Key, query);

    /// <summary>One report, as a page or (<c>format=csv</c>) as a CSV file.</summary>
    [HttpGet("{report}")]
    public async Task<IActionResult> Show(string report, [FromQuery] ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (runner.Catalog.Find(report) is not { } entry)
        {
            return NotFound();
        }

        var run = await runner.RunAsync(entry, query, HttpContext.RequestAborted);
        if (query.IsCsv)
        {
            Response.Headers.CacheControl = "no-store";
            return File(ReportCsv.For(run.Result).ToUtf8WithBom(), CsvTable.ContentType, ReportCsv.FileName(entry.Definition, time.GetUtcNow()));
        }

        var culture = CultureInfo.CurrentUICulture;
        var model = new ReportPageModel(run, presenter.Present(run.Result, culture), [.. runner.Catalog.Reports.Select(r => presenter.Describe(r.Definition, culture))]);
        return View(BackOfficeViews.Reports, model);
    }
}

/// <summary>A report page: the report computed and presented, and the catalogue for the menu.</summary>
/// <param name="Run">The computed report with its query and filter.</param>
/// <param name="Report">The report in the reader's language.</param>
/// <param name="Menu">Every report of the catalogue, in menu order.</param>
public sealed record ReportPageModel(ReportRun Run, PresentedReport Report, IReadOnlyList<PresentedDefinition> Menu);
