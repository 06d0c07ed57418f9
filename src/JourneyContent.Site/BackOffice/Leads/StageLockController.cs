using System.Globalization;
using JourneyContent.Site.BackOffice.Authentication;
using JourneyContent.Leads;
using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.StageLocks;
using JourneyContent.Web.Leads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Site.BackOffice.Leads;

/// <summary>The lead page's stage lock: marketers hold a lead in a stage until an expiry, or remove the lock early; both are audited.</summary>
[Route(BackOfficeRoutes.Root)]
[AutoValidateAntiforgeryToken]
[Authorize(Policy = BackOfficePolicies.Marketers)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StageLockController(StageLocking locking, ILeadStore leads, TimeProvider time, IStringLocalizer<BackOfficeStrings> texts) : Controller
{
    /// <summary>Locks the lead's stage until the chosen expiry; a refused form is shown again, 400, with a message per field.</summary>
    [HttpPost("leads/{id}/stage-lock")]
    public async Task<IActionResult> Lock(string id, [FromForm] StageLockForm form)
    {
        form ??= StageLockForm.Empty;
        var until = StageLockExpiry.From(form.Duration, form.Until, time.GetUtcNow(), out var badDate);
        var outcome = await locking.LockAsync(new StageLockRequest(id, form.Stage, until, form.Reason, BackOfficeUser.NameOf(User)), HttpContext.RequestAborted);
        if (!outcome.LeadFound)
        {
            return NotFound(texts["StageLock.LeadNotFound"].Value);
        }

        if (outcome.Lock is null)
        {
            var errors = new Dictionary<string, string>(outcome.Errors, StringComparer.Ordinal);
            if (badDate)
            {
                errors["Until"] = StageLockExpiry.BadDate;
            }

            var record = await leads.RecordAsync(id, HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(BackOfficeViews.Lead, await LeadPage.CreateAsync(record!, locking, leads, form, errors, HttpContext.RequestAborted));
        }

        TempData["Message"] = texts["StageLock.Locked", outcome.Lock.Until.ToString("g", CultureInfo.CurrentCulture)].Value;
        return RedirectToAction(nameof(LeadsController.Show), "Leads", new { id });
    }

    /// <summary>Removes the lead's lock before it ends: inference decides again at once.</summary>
    [HttpPost("leads/{id}/stage-lock/remove")]
    public async Task<IActionResult> Unlock(string id)
    {
        if (await leads.FindAsync(id, HttpContext.RequestAborted) is null)
        {
            return NotFound(texts["StageLock.LeadNotFound"].Value);
        }

        var removed = await locking.UnlockAsync(id, BackOfficeUser.NameOf(User), HttpContext.RequestAborted);
        TempData["Message"] = texts[removed ? "StageLock.Removed" : "StageLock.NoneToRemove"].Value;
        return RedirectToAction(nameof(LeadsController.Show), "Leads", new { id });
    }
}
