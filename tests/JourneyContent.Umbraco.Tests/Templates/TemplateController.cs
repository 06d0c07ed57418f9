using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Umbraco.Tests.Templates;

/// <summary>Stands in for Umbraco's render controller: every page is rendered with the site's template.</summary>
public sealed class TemplateController : Controller
{
    /// <summary>Renders the template in the page's culture (here the first path segment), as Umbraco does for a routed document.</summary>
    public IActionResult Render()
    {
        var language = Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() == "fr" ? "fr-FR" : "en-GB";
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        return View("~/Templates/Article.cshtml");
    }
}
