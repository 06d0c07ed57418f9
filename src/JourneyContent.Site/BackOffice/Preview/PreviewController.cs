using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.Stages;
using JourneyContent.Web.Recommendations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Site.BackOffice.Preview;

/// <summary>Turns the "preview as a visitor in stage X" switch on and off for the signed-in staff member.</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Staff)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class PreviewController(StageModel stages, IStringLocalizer<BackOfficeStrings> texts) : Controller
{
    /// <summary>Sets the previewed stage (an empty stage turns the preview off), then goes back to <paramref name="returnUrl"/>.</summary>
    [HttpPost("preview")]
    public IActionResult Set([FromForm] string? stage, [FromForm] string? returnUrl)
    {
        if (string.IsNullOrEmpty(stage))
        {
            Response.Cookies.Delete(JourneyPreview.CookieName, new CookieOptions { Path = "/" });
        }
        else if (stages.FindStage(stage) is { } found)
        {
            // A session cookie: the preview ends with the browser session, or with the button on every page.
            Response.Cookies.Append(JourneyPreview.CookieName, found.Key, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                IsEssential = true,
            });
        }
        else
        {
            return BadRequest(texts["BackOffice.Preview.UnknownStage", stage].Value);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
