using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Stages;
using JourneyContent.Reports;
using JourneyContent.Reports.Export;
using JourneyContent.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Site.BackOffice.Reports;

/// <summary>The marketer reports: funnel, transitions, content influence, gated assets, drop-off, coverage and trend, each with filters and a CSV export.</summary>
[Route(BackOfficeRoutes.Root + "/reports")]
[Authorize(Policy = BackOfficePolicies.Marketers)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReportsController(ReportRunner runner, TimeProvider time) : Controller
{
    /// <summary>The reports' home: the funnel.</summary>
    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery] ReportQuery query) => Show("funnel", query);

    /// <summary>One report, as a page or (<c>format=csv</c>) as a CSV file.</summary>
    [HttpGet("{report}")]
    public async Task<IActionResult> Show(string report, [FromQuery] ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!ReportRunner.IsKnown(report))
        {
            return NotFound();
        }

        var model = await runner.RunAsync(report, query, HttpContext.RequestAborted);
        if (string.Equals(query.Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            Response.Headers.CacheControl = "no-store";
            return File(ReportCsv.For(model).ToUtf8WithBom(), CsvTable.ContentType, $"journeycontent-{report}-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        return View(BackOfficeViews.Reports, model);
    }
}
