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

/// <summary><c>&lt;journey-consent /&gt;</c>: the consent banner, for theme layouts and Umbraco templates (once per page, first in the body, before the skip link, so that the keyboard meets it first and it never covers the focused element).</summary>
[HtmlTargetElement("journey-consent", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyConsentTagHelper(IViewComponentHelper components) : ViewComponentTagHelper(components, "JourneyConsent")
{
    /// <inheritdoc />
    protected override object? Arguments() => new { };
}

/// <summary>
/// Where a visitor changes their mind about consent: the choice in force and the two buttons, for a site's privacy page
/// (<c>&lt;journey-consent-settings /&gt;</c>, anchored at <c>#cookie-settings</c>, where the footers' "Cookie settings"
/// link leads). Its view is <c>Views/Shared/Components/JourneyConsentSettings/Default.cshtml</c>.
/// </summary>
[ViewComponent(Name = "JourneyConsentSettings")]
public sealed class JourneyConsentSettingsViewComponent : ViewComponent
{
    /// <summary>The anchor of the settings on the page.</summary>
    public const string Anchor = "cookie-settings";

    /// <summary>Renders the settings.</summary>
    public IViewComponentResult Invoke() => View();
}

/// <summary><c>&lt;journey-consent-settings /&gt;</c>: the consent choice and the control to change it, for a privacy page.</summary>
[HtmlTargetElement("journey-consent-settings", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyConsentSettingsTagHelper(IViewComponentHelper components) : ViewComponentTagHelper(components, "JourneyConsentSettings")
{
    /// <inheritdoc />
    protected override object? Arguments() => new { };
}
