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
public sealed class HomeController(IContentSource content, IOptions<JourneyContentOptions> options, StageModel stages, IStringLocalizer<SharedStrings> strings)
    : PageControllerBase(content, options)
{
    private const int ItemsPerStage = 3;

    [HttpGet("/")]
    public IActionResult Root() => Redirect("/" + SiteLanguages.Preferred(Request, Options));

    [HttpGet("/{language:length(2)}")]
    public IActionResult Index(string language)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        var items = Catalog.InLanguage(language).Where(i => !i.IsUntagged).ToList();
        var sections = stages.Stages
            .Select(stage =>
            {
                var inStage = items.Where(i => i.Stage == stage.Key).ToList();
                return new StageSection(stage, [.. inStage.Take(ItemsPerStage)], inStage.Count);
            })
            .ToList();
        var topics = items.SelectMany(i => i.Topics)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TopicCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();

        Response.Cookies.Append(SiteLanguages.CookieName, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        SetPage(language, strings["HeroTitle"], strings["SiteTagline"], other => "/" + other);
        return View(new HomeViewModel(language, sections, [.. items.Take(6)], topics));
    }
}
