using JourneyContent.Web.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JourneyContent.Web.Tracking;

/// <summary>The consent banner, or the tracking script once the visitor agreed; its view is <c>Views/Shared/Components/JourneyConsent/Default.cshtml</c>.</summary>
[ViewComponent(Name = "JourneyConsent")]
public sealed class JourneyConsentViewComponent : ViewComponent
{
    /// <summary>Renders the banner or the script.</summary>
    public IViewComponentResult Invoke() => View();
}

/// <summary><c>&lt;journey-consent /&gt;</c>: the consent banner, for theme layouts and Umbraco templates (once per page, at the end of the body).</summary>
[HtmlTargetElement("journey-consent", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyConsentTagHelper(IViewComponentHelper components) : ViewComponentTagHelper(components, "JourneyConsent")
{
    /// <inheritdoc />
    protected override object? Arguments() => new { };
}
