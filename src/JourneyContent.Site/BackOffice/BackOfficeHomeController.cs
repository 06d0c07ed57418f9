using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Site.BackOffice;

/// <summary>
/// The back office's home sends each role to a page it may see: editors (and admins) to the content inventory,
/// marketers to the reports, instead of everyone to the editors' inventory.
/// </summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Staff)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class BackOfficeHomeController(IAuthorizationService authorization) : Controller
{
    /// <summary>Redirects to the first page the signed-in user's role opens.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Home()
    {
        if ((await authorization.AuthorizeAsync(User, BackOfficePolicies.Editors)).Succeeded)
        {
            return Redirect(BackOfficeRoutes.Root + "/content");
        }

        return (await authorization.AuthorizeAsync(User, BackOfficePolicies.Marketers)).Succeeded
            ? Redirect(BackOfficeRoutes.Root + "/reports")
            : Redirect(BackOfficeRoutes.Denied);
    }
}
