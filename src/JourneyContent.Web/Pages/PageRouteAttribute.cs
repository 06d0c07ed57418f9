using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace JourneyContent.Web.Pages;

/// <summary>A public page route that answers GET and HEAD.</summary>
/// <remarks>
/// MVC's <c>[HttpGet]</c> does not match HEAD, and uptime monitors, link checkers and some crawlers send HEAD:
/// without it they would see 405 for every page.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PageRouteAttribute(string template) : HttpMethodAttribute(Methods, template)
{
    private static readonly string[] Methods = ["GET", "HEAD"];
}
