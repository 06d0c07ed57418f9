using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Tracking;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Forms;

/// <summary>Gated forms: the submission, the thank-you page, signed downloads, fresh links and address confirmation.</summary>
public sealed class GatedFormsController(
    IContentSource content, IOptions<JourneyContentOptions> options, GatedFormService forms, SigningKeys keys, ILeadStore leads,
    JourneyTracker tracker, IStringLocalizer<SharedStrings> strings, TimeProvider time, IGatedAssetFiles files, RecogniseLeadDevice devices)
    : PageControllerBase(content, options)
{
    /// <summary>The thank-you page: the download at once, or the request to confirm the address.</summary>
    [PageRoute("/journey/thank-you")]
    public async Task<IActionResult> ThankYou(string? t, string? p)
    {
        var now = time.GetUtcNow();
        var (check, claims) = t is not null ? keys.Links.Verify(t, LinkClaims.Download, now) : keys.Links.Verify(p, GatedFormSubmission.PendingPurpose, now);
        if (check != LinkCheck.Valid || Catalog.FindById(claims!.ContentId) is not { } item || await leads.FindAsync(claims.LeadId, HttpContext.RequestAborted) is not { IsErased: false } lead)
        {
            return NotFound();
        }

        UseLanguage(item.Language);
        SetPage(item.Language, strings["ThankYouTitle"], null, indexable: false);
        Response.Headers.CacheControl = "no-store";
        return View("ThankYou", new ThankYouViewModel(item, lead.Email!, t is null ? null : GatedFormService.DownloadPath(t), claims.ExpiresAt));
    }

    /// <summary>A signed download link: the file, or 403 for a forged link, or 410 with an offer of a fresh link.</summary>
    [PageRoute("/journey/download")]
    public async Task<IActionResult> Download(string? t)
    {
        var (check, claims) = keys.Links.Verify(t, LinkClaims.Download, time.GetUtcNow());
        var item = claims is null ? null : Catalog.FindById(claims.ContentId);
        var lead = claims is null ? null : await leads.FindAsync(claims.LeadId, HttpContext.RequestAborted);
        if (check == LinkCheck.Tampered || item is not { IsGated: true } || lead is not { IsErased: false })
        {
            return LinkProblem(StatusCodes.Status403Forbidden, item?.Language, "DownloadTamperedTitle", "DownloadTamperedText", null);
        }

        if (check == LinkCheck.Expired)
        {
            return LinkProblem(StatusCodes.Status410Gone, item.Language, "DownloadExpiredTitle", "DownloadExpiredText", t);
        }

        var file = await files.OpenAsync(item, HttpContext.RequestAborted);
        if (file is null)
        {
            return NotFound();
        }

        await leads.RecordDownloadAsync(lead.Id, item.Id, time.GetUtcNow(), HttpContext.RequestAborted);
        if (HttpMethods.IsGet(Request.Method))
        {
            // The mailed link opened on a device whose visitor may be tracked: that device is the lead's.
            if (tracker.VisitorId(HttpContext) is { } visitorId)
            {
                await devices.RecogniseAsync(lead.Id, visitorId, time.GetUtcNow(), HttpContext.RequestAborted);
            }

            await tracker.RecordAsync(HttpContext, JourneyEventType.Download, item);
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
    }

    /// <summary>Sends a fresh download link for an expired (genuine) one.</summary>
    [HttpPost("/journey/download/renew")]
    [ValidateAntiForgeryToken]
    [PerIpRateLimit]
    public async Task<IActionResult> Renew([FromForm] string? t)
    {
        var (check, claims) = keys.Links.Verify(t, LinkClaims.Download, time.GetUtcNow());
        if (check == LinkCheck.Tampered || Catalog.FindById(claims!.ContentId) is not { } item || await leads.FindAsync(claims.LeadId, HttpContext.RequestAborted) is not { IsErased: false } lead)
        {
            return LinkProblem(StatusCodes.Status403Forbidden, null, "DownloadTamperedTitle", "DownloadTamperedText", null);
        }

        await forms.QueueDownloadAsync(HttpContext, lead, item, time.GetUtcNow());
        UseLanguage(item.Language);
        SetPage(item.Language, strings["DownloadRenewed"], null, indexable: false);
        return View("LinkProblem", new LinkProblemViewModel(item.Language, "DownloadRenewButton", "DownloadRenewed", null, item));
    }

    /// <summary>The address confirmation link of double opt-in: confirms, mails the download link and shows it.</summary>
    [PageRoute("/journey/confirm")]
    public async Task<IActionResult> Confirm(string? t)
    {
        var now = time.GetUtcNow();
        var (check, claims) = keys.Links.Verify(t, LinkClaims.Confirm, now);
        var item = claims is null ? null : Catalog.FindById(claims.ContentId);
        var lead = claims is null ? null : await leads.FindAsync(claims.LeadId, HttpContext.RequestAborted);
        if (check != LinkCheck.Valid || item is null || lead is not { IsErased: false })
        {
            return LinkProblem(check == LinkCheck.Expired ? StatusCodes.Status410Gone : StatusCodes.Status403Forbidden, item?.Language, "DownloadTamperedTitle", "DownloadTamperedText", null);
        }

        var firstConfirmation = lead.EmailConfirmedAt is null;
        await leads.ConfirmEmailAsync(lead.Id, now, HttpContext.RequestAborted);
        // A second click on the same link shows the download again without mailing it twice.
        var token = firstConfirmation
            ? await forms.QueueDownloadAsync(HttpContext, lead, item, now)
            : keys.Links.Create(new LinkClaims(LinkClaims.Download, lead.Id, item.Id, now + forms.Options.LinkLifetime));
        return Redirect303("/journey/thank-you?t=" + Uri.EscapeDataString(token));
    }

    private IActionResult LinkProblem(int status, string? language, string title, string text, string? renewToken)
    {
        // Without an item to tell, the visitor's own language (cookie, then browser) beats the site's first one.
        language ??= SiteLanguages.Preferred(Request, Options);
        UseLanguage(language);
        SetPage(language, strings[title], null, indexable: false);
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        return View("LinkProblem", new LinkProblemViewModel(language, title, text, renewToken, null));
    }

    private StatusCodeResult Redirect303(string url)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
