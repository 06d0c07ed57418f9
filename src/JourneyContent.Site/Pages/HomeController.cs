using JourneyContent.Web.Pages;
using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Web;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>The root redirect and each language's home page.</summary>
public sealed class HomeController(IContentSource content, IOptions<JourneyContentOptions> options, IStringLocalizer<SharedStrings> strings)
    : PageControllerBase(content, options)
{
    // The home page's social proof: the customer stories, by the demo content's kind.
    private const string CustomerStoryKind = "case-study";

    [PageRoute("/")]
    public IActionResult Root()
    {
        // The answer depends on the visitor's cookie and Accept-Language: shared caches must not hand one visitor's choice to another.
        Response.Headers.Vary = "Accept-Language, Cookie";
        Response.Headers.CacheControl = "private, no-cache";
        return Redirect("/" + SiteLanguages.Preferred(Request, Options));
    }

    [PageRoute("/{language:length(2)}")]
    public IActionResult Index(string language)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        var items = Catalog.InLanguage(language).Where(i => !i.IsUntagged).ToList();
        var stories = items.Where(i => string.Equals(i.Kind, CustomerStoryKind, StringComparison.Ordinal)).Take(3).ToList();
        var topics = TopicCount.In(items);

        Response.Cookies.Append(SiteLanguages.CookieName, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        SetPage(language, strings["HeroTitle"], strings["SiteTagline"], other => "/" + other);
        return View(new HomeViewModel(language, [.. items.Take(6)], topics, stories));
    }
}
