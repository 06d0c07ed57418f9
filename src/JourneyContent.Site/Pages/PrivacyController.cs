using JourneyContent.Content;
using JourneyContent.Web;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>The demo's privacy policy, which the forms link to unless <c>JourneyContent:Forms:PrivacyPolicyUrl</c> names the site's own.</summary>
public sealed class PrivacyController(IContentSource content, IOptions<JourneyContentOptions> options, IStringLocalizer<SharedStrings> strings)
    : PageControllerBase(content, options)
{
    /// <summary>The policy in one language.</summary>
    [PageRoute("/{language:length(2)}/privacy")]
    public IActionResult Index(string language)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        SetPage(language, strings["PrivacyTitle"], null, other => $"/{other}/privacy");
        return View("Index", language);
    }
}
