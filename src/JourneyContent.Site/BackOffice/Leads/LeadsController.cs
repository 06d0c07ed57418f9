using JourneyContent.Site.BackOffice.Authentication;
using JourneyContent.Leads;
using JourneyContent.Delivery;
using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.Web.Forms;
using JourneyContent.Web.Leads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Site.BackOffice.Leads;

/// <summary>Leads for marketers, and the privacy operations for admins: export everything about a lead, erase a lead, see the outbox.</summary>
[Route(BackOfficeRoutes.Root)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class LeadsController(ILeadStore leads, LeadEraser eraser, IOutbox outbox, JourneyContent.StageLocks.StageLocking locking, TimeProvider time, IStringLocalizer<BackOfficeStrings> texts) : Controller
{
    /// <summary>The leads list, searchable by name, email or company and filterable by stage.</summary>
    [HttpGet("leads")]
    [Authorize(Policy = BackOfficePolicies.Marketers)]
    public async Task<IActionResult> Index(string? q, string? stage, string? format, int page = 1)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var (all, _) = await leads.ListAsync(new LeadQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(stage) ? null : stage, 0, 100_000), HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
            return File(JourneyContent.Web.Reports.ReportCsv.Leads(all).ToUtf8WithBom(), JourneyContent.Reports.Export.CsvTable.ContentType, $"journeycontent-leads-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        page = Math.Clamp(page, 1, 10_000);
        var query = new LeadQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(stage) ? null : stage, (page - 1) * 50, 50);
        var (found, total) = await leads.ListAsync(query, HttpContext.RequestAborted);
        return View(BackOfficeViews.Leads, new LeadsViewModel(query, found, total, page, TempData["Message"] as string));
    }

    /// <summary>One lead: contact, source, consents, downloads, stage history, where inference places them and why, and the stage lock.</summary>
    [HttpGet("leads/{id}")]
    [Authorize(Policy = BackOfficePolicies.Marketers)]
    public async Task<IActionResult> Show(string id)
    {
        var record = await leads.RecordAsync(id, HttpContext.RequestAborted);
        return record is null
            ? NotFound()
            : View(BackOfficeViews.Lead, await LeadPage.CreateAsync(record, locking, leads, StageLockForm.Empty, new Dictionary<string, string>(), HttpContext.RequestAborted));
    }

    /// <summary>Everything stored about a lead as a JSON file (right of access); audited.</summary>
    [HttpGet("leads/{id}/export")]
    [Authorize(Policy = BackOfficePolicies.Admins)]
    public async Task<IActionResult> Export(string id)
    {
        var record = await leads.RecordAsync(id, HttpContext.RequestAborted);
        if (record is null)
        {
            return NotFound();
        }

        var export = await LeadExport.CreateAsync(leads, record, BackOfficeUser.NameOf(User), time.GetUtcNow(), HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return File(export, "application/json", LeadExport.FileName(id));
    }

    /// <summary>Erases a lead's personal data (events are kept, anonymised); audited.</summary>
    [HttpPost("leads/{id}/erase")]
    [Authorize(Policy = BackOfficePolicies.Admins)]
    public async Task<IActionResult> Erase(string id, [FromForm] bool confirm)
    {
        if (!confirm)
        {
            TempData["Message"] = texts["Leads.EraseUnconfirmed"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }

        var erased = await eraser.EraseAsync(id, BackOfficeUser.NameOf(User), "erase", HttpContext.RequestAborted);
        TempData["Message"] = texts[erased ? "Leads.Erased" : "Leads.NotErased", id].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The outbox, channel by channel: what waits, what was sent, what failed and why.</summary>
    [HttpGet("outbox")]
    [Authorize(Policy = BackOfficePolicies.Admins)]
    public async Task<IActionResult> Outbox()
    {
        var summaries = await outbox.SummaryAsync(HttpContext.RequestAborted);
        return View(BackOfficeViews.Outbox, new OutboxViewModel(
            OutboxSummary.Of(summaries, OutboxChannels.Mail), await outbox.RecentAsync(OutboxChannels.Mail, 50, HttpContext.RequestAborted),
            OutboxSummary.Of(summaries, OutboxChannels.Webhook), await outbox.RecentAsync(OutboxChannels.Webhook, 50, HttpContext.RequestAborted)));
    }

    /// <summary>The outbox figures per channel as JSON, for monitoring.</summary>
    [HttpGet("api/outbox")]
    [Authorize(Policy = BackOfficePolicies.Admins)]
    public async Task<IActionResult> OutboxApi()
    {
        var summaries = await outbox.SummaryAsync(HttpContext.RequestAborted);
        return Ok(new { mail = OutboxSummary.Of(summaries, OutboxChannels.Mail), webhooks = OutboxSummary.Of(summaries, OutboxChannels.Webhook) });
    }
}

/// <summary>The leads list page.</summary>
public sealed record LeadsViewModel(LeadQuery Query, IReadOnlyList<Lead> Leads, int Total, int Page, string? Message);

/// <summary>The outbox page.</summary>
public sealed record OutboxViewModel(OutboxSummary Mail, IReadOnlyList<OutboxEntry> RecentMail, OutboxSummary Webhooks, IReadOnlyList<OutboxEntry> RecentWebhooks);
