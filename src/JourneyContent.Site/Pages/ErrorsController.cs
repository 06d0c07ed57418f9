using JourneyContent.Web.Pages;
using JourneyContent.Content;
using JourneyContent.Web;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Pages;

/// <summary>The 404 and error pages, in the language of the page that failed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(IContentSource content, IOptions<JourneyContentOptions> options, IStringLocalizer<SharedStrings> strings)
    : PageControllerBase(content, options)
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        var language = OriginalLanguage();
        Response.StatusCode = code;
        if (code == StatusCodes.Status404NotFound)
        {
            SetPage(language, strings["NotFoundTitle"], null, indexable: false);
            return View("NotFound", new NotFoundViewModel(language));
        }

        if (code == StatusCodes.Status429TooManyRequests)
        {
            SetPage(language, strings["TooManyTitle"], null, indexable: false);
            return View("Error", new ErrorViewModel("TooManyTitle", "TooManyText"));
        }

        SetPage(language, strings["ErrorTitle"], null, indexable: false);
        return View("Error", new ErrorViewModel("ErrorTitle", "ErrorText"));
    }

    [Route("/error")]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        SetPage(OriginalLanguage(), strings["ErrorTitle"], null, indexable: false);
        return View("Error", new ErrorViewModel("ErrorTitle", "ErrorText"));
    }

    /// <summary>The language of the URL that failed (else the visitor's), made the culture of the texts that follow.</summary>
    private string OriginalLanguage()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var language = original is null ? null : SiteLanguages.FromPath(original, Options.EffectiveLanguages);
        language ??= SiteLanguages.Preferred(Request, Options);
        UseLanguage(language);
        return language;
    }
}
