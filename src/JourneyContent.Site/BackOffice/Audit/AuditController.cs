using JourneyContent.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Site.BackOffice.Audit;

/// <summary>The audit log of stage changes: who changed which item, when, from what to what.</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Editors)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AuditController(IStageAuditLog audit) : Controller
{
    /// <summary>The latest changes, optionally of one item.</summary>
    [HttpGet("audit")]
    public async Task<IActionResult> Index(string? item) =>
        View(BackOfficeViews.Audit, await audit.ListAsync(string.IsNullOrWhiteSpace(item) ? null : item, 500, HttpContext.RequestAborted));
}
