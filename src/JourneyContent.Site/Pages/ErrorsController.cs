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
    public IActionResult Status([FromRoute] int code)
    {
        // The status comes from the route alone: MVC would otherwise bind a posted or queried "code" first, and a
        // re-executed POST keeps its form. A code that is not an error (200, 0, -1) would be a false or invalid status line.
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }

        var language = OriginalLanguage();
        Response.StatusCode = code;
        if (code == StatusCodes.Status404NotFound)
        {
            SetPage(language, strings["NotFoundTitle"], null, indexable: false);
            return View("NotFound", new NotFoundViewModel(language));
        }

        if (code == StatusCodes.Status400BadRequest)
        {
            SetPage(language, strings["BadRequestTitle"], null, indexable: false);
            return View("Error", new ErrorViewModel("BadRequestTitle", "BadRequestText"));
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
