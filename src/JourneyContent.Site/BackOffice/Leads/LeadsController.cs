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
public sealed class LeadsController(ILeadStore leads, LeadEraser eraser, IOutbox outbox, JourneyContent.StageLocks.StageLocking locking, JourneyContent.Content.IContentSource content, TimeProvider time, IStringLocalizer<BackOfficeStrings> texts) : Controller
{
    /// <summary>The leads list, searchable by name, email or company, filterable by stage, sorted by a column (<c>sort</c>, <c>dir</c>) and paged.</summary>
    [HttpGet("leads")]
    [Authorize(Policy = BackOfficePolicies.Marketers)]
    public async Task<IActionResult> Index(string? q, string? stage, string? format, string? sort, string? dir, int page = 1)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var (all, _) = await leads.ListAsync(new LeadQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(stage) ? null : stage, 0, 100_000), HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
            return File(JourneyContent.Web.Reports.ReportCsv.Leads(all).ToUtf8WithBom(), JourneyContent.Reports.Export.CsvTable.ContentType, $"journeycontent-leads-{time.GetUtcNow():yyyyMMdd}.csv");
        }

        page = Math.Clamp(page, 1, 10_000);
        var order = LeadsOrder.Parse(sort, dir);
        var query = new LeadQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(stage) ? null : stage, (page - 1) * 50, 50, order.Sort, order.Descending);
        var (found, total) = await leads.ListAsync(query, HttpContext.RequestAborted);
        var snapshot = content.Current;
        var assets = (await leads.LatestAssetsAsync([.. found.Select(l => l.Id)], HttpContext.RequestAborted))
            .ToDictionary(a => a.Key, a => snapshot.FindById(a.Value)?.Title ?? a.Value, StringComparer.Ordinal);
        return View(BackOfficeViews.Leads, new LeadsViewModel(query, found, total, page, TempData["Message"] as string) { Order = order, Assets = assets });
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

    /// <summary>Adds a marketer's note to the lead (audited); an empty or too long note is shown again, 400, with its message and the text as typed.</summary>
    [HttpPost("leads/{id}/notes")]
    [Authorize(Policy = BackOfficePolicies.Marketers)]
    public async Task<IActionResult> AddNote(string id, [FromForm] string? text)
    {
        var record = await leads.RecordAsync(id, HttpContext.RequestAborted);
        if (record is null || record.Lead.IsErased)
        {
            return NotFound(texts["StageLock.LeadNotFound"].Value);
        }

        var note = text?.Trim() ?? string.Empty;
        var error = note.Length == 0 ? "Notes.Empty" : note.Length > LeadNote.MaxLength ? "Notes.TooLong" : null;
        if (error is null && await leads.AddNoteAsync(id, new LeadNote(note, BackOfficeUser.NameOf(User), time.GetUtcNow()), HttpContext.RequestAborted))
        {
            TempData["Message"] = texts["Notes.Added"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var page = await LeadPage.CreateAsync(record, locking, leads, StageLockForm.Empty, new Dictionary<string, string>(), HttpContext.RequestAborted);
        return View(BackOfficeViews.Lead, page with { NoteText = text ?? string.Empty, NoteError = error ?? "Notes.Empty" });
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
public sealed record LeadsViewModel(LeadQuery Query, IReadOnlyList<Lead> Leads, int Total, int Page, string? Message)
{
    /// <summary>The list's order, as the query string writes it.</summary>
    public LeadsOrder Order { get; init; } = LeadsOrder.Default;

    /// <summary>Lead id → the title of the last gated asset the lead asked for.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; init; } = new Dictionary<string, string>();

    /// <summary>The query string of this list (search, stage, order) on <paramref name="page"/>; the order is written only when it is not the default.</summary>
    public string Href(int page) => Href(Order, page);

    /// <summary>The query string of this list sorted by <paramref name="order"/>, on <paramref name="page"/>.</summary>
    public string Href(LeadsOrder order, int page)
    {
        ArgumentNullException.ThrowIfNull(order);
        var href = $"?q={Uri.EscapeDataString(Query.Search ?? "")}&stage={Uri.EscapeDataString(Query.Stage ?? "")}&page={page}";
        return order == LeadsOrder.Default ? href : href + $"&sort={order.Key}&dir={(order.Descending ? "desc" : "asc")}";
    }
}

/// <summary>The order of the leads list: a column key of the query string (<c>sort</c>) and a direction (<c>dir=asc|desc</c>).</summary>
/// <param name="Key">The column's key in the query string.</param>
/// <param name="Sort">The column.</param>
/// <param name="Descending">True for the largest first.</param>
public sealed record LeadsOrder(string Key, LeadSort Sort, bool Descending)
{
    /// <summary>The sortable columns by query-string key.</summary>
    public static IReadOnlyDictionary<string, LeadSort> Columns { get; } = new Dictionary<string, LeadSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["created"] = LeadSort.Created, ["last-activity"] = LeadSort.LastActivity, ["email"] = LeadSort.Email, ["name"] = LeadSort.Name,
        ["company"] = LeadSort.Company, ["stage"] = LeadSort.Stage, ["source"] = LeadSort.Source,
    };

    /// <summary>Newest first.</summary>
    public static LeadsOrder Default { get; } = new("created", LeadSort.Created, true);

    /// <summary>The order asked for; an unknown column or direction falls back to the default (never an error page).</summary>
    public static LeadsOrder Parse(string? sort, string? dir)
    {
        if (string.IsNullOrWhiteSpace(sort) || !Columns.TryGetValue(sort.Trim(), out var column))
        {
            return Default;
        }

        var key = Columns.First(c => c.Value == column).Key;

        // Dates read newest first, words from A.
        var descending = dir?.Trim().ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => column is LeadSort.Created or LeadSort.LastActivity,
        };
        return new LeadsOrder(key, column, descending);
    }

    /// <summary>The order a click on <paramref name="key"/>'s header gives: the other direction when it is the current column, its natural one otherwise.</summary>
    public LeadsOrder Toggle(string key)
    {
        var natural = Parse(key, null);
        return natural.Sort == Sort ? this with { Descending = !Descending } : natural;
    }

    /// <summary>The <c>aria-sort</c> value of <paramref name="key"/>'s header.</summary>
    public string? AriaSort(string key) => string.Equals(key, Key, StringComparison.OrdinalIgnoreCase) ? (Descending ? "descending" : "ascending") : null;
}

/// <summary>The outbox page.</summary>
public sealed record OutboxViewModel(OutboxSummary Mail, IReadOnlyList<OutboxEntry> RecentMail, OutboxSummary Webhooks, IReadOnlyList<OutboxEntry> RecentWebhooks);
