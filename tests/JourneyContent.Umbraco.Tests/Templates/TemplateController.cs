using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Umbraco.Tests.Templates;

/// <summary>
/// Stands in for Umbraco's render controller (src/Umbraco.Web.Common/Controllers/RenderController.cs): every routed
/// page is rendered with the site's template, on GET and POST alike (its <c>Index</c> action has no HTTP method
/// attribute). The page's culture is already the request culture, as Umbraco's request localization sets it.
/// </summary>
public sealed class TemplateController : Controller
{
    /// <summary>Renders the template.</summary>
    public IActionResult Render() => View("~/Templates/Article.cshtml");

    /// <summary>Adds this controller and the template (the test assembly's controllers and compiled views) to a site.</summary>
    public static void AddTo(WebApplicationBuilder builder)
    {
        var tests = typeof(TemplateController).Assembly;
        builder.Services.AddControllersWithViews().ConfigureApplicationPartManager(parts =>
        {
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(tests).GetApplicationParts(tests))
            {
                parts.ApplicationParts.Add(part);
            }
        });
    }
}
