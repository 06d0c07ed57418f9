using JourneyContent.Web.Pages;
using JourneyContent.Content;
using JourneyContent.Search;
using JourneyContent.Stages;
using JourneyContent.Web;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Recommendations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>The site search, in the page's language, with the stage facet for editors.</summary>
public sealed class SearchController(
    IContentSource content, IOptions<JourneyContentOptions> options, IContentSearch search, StageModel stages, IStringLocalizer<SharedStrings> strings)
    : PageControllerBase(content, options)
{
    private const int PageSize = 10;
    private const int MaxQueryLength = 200;

    /// <summary><c>/search?q=</c> goes to the search page of the visitor's language (<c>lang</c>, or the request culture).</summary>
    [PageRoute("/search")]
    public IActionResult Redirect(string? q, string? lang)
    {
        var language = lang is not null && IsSiteLanguage(lang) ? lang : PreferredLanguage();
        return LocalRedirect(string.IsNullOrWhiteSpace(q) ? $"/{language}/search" : $"/{language}/search?q={Uri.EscapeDataString(q)}");
    }

    /// <summary>The site language the browser prefers most (Accept-Language), or the site's first language.</summary>
    private string PreferredLanguage()
    {
        var preferred = Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && IsSiteLanguage(l));
        return preferred ?? Options.EffectiveLanguages[0];
    }

    [PageRoute("/{language:length(2)}/search")]
    public IActionResult Index(string language, string? q, string? stage, int page = 1)
    {
        if (!IsSiteLanguage(language))
        {
            return NotFound();
        }

        var text = (q ?? string.Empty).Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var isEditor = JourneyPreview.IsStaff(HttpContext);
        var stageFilter = isEditor ? stages.FindStage(stage) : null;
        page = Math.Clamp(page, 1, 1000);
        var results = text.Length == 0
            ? SearchResults.None
            : search.Search(new SearchQuery(text, language)
            {
                Stage = stageFilter?.Key,
                IncludeUntagged = isEditor,
                Skip = (page - 1) * PageSize,
                Take = PageSize,
            });
        SetPage(language, text.Length == 0 ? strings["Search"] : $"{strings["Search"]}: {text}", null,
            other => text.Length == 0 ? $"/{other}/search" : $"/{other}/search?q={Uri.EscapeDataString(text)}", indexable: false);
        return View(new SearchViewModel(language, text, results, stageFilter, isEditor, page, PageSize));
    }
}
