using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JourneyContent.Web.Recommendations;

/// <summary>The "next for you" block; its view is <c>Views/Shared/Components/JourneyNext/Default.cshtml</c>, which a theme may override.</summary>
[ViewComponent(Name = "JourneyNext")]
public sealed class JourneyNextViewComponent(PageOfferService offers) : ViewComponent
{
    /// <summary>Renders the block for <paramref name="item"/> (or for a page of <paramref name="language"/> that is not content).</summary>
    public async Task<IViewComponentResult> InvokeAsync(ContentItem? item, string? language = null)
    {
        var result = await offers.ForPageAsync(HttpContext, item?.Language ?? language ?? "en", item);
        return result.Next.Items.Count == 0 ? Content(string.Empty) : View(result);
    }
}

/// <summary>The call-to-action block; its view is <c>Views/Shared/Components/JourneyCta/Default.cshtml</c>, which a theme may override.</summary>
[ViewComponent(Name = "JourneyCta")]
public sealed class JourneyCtaViewComponent(PageOfferService offers) : ViewComponent
{
    /// <summary>Renders the call to action for <paramref name="item"/> (or for a page of <paramref name="language"/> that is not content).</summary>
    public async Task<IViewComponentResult> InvokeAsync(ContentItem? item, string? language = null)
    {
        var result = await offers.ForPageAsync(HttpContext, item?.Language ?? language ?? "en", item);
        return result.CallToAction is null ? Content(string.Empty) : View(result);
    }
}

/// <summary><c>&lt;journey-next item="@Model" /&gt;</c>: the "next for you" block of a page, for themes and Umbraco templates.</summary>
[HtmlTargetElement("journey-next", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyNextTagHelper(IViewComponentHelper components, IRequestPage pages) : JourneyBlockTagHelper(components, pages, "JourneyNext");

/// <summary><c>&lt;journey-cta item="@Model" /&gt;</c>: the call to action chosen for the visitor's stage.</summary>
[HtmlTargetElement("journey-cta", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyCtaTagHelper(IViewComponentHelper components, IRequestPage pages) : JourneyBlockTagHelper(components, pages, "JourneyCta");

/// <summary>Renders a block's view component in place of the tag.</summary>
public abstract class JourneyBlockTagHelper(IViewComponentHelper components, IRequestPage pages, string component)
    : ViewComponentTagHelper(components, component)
{
    /// <summary>
    /// The content item of the page. When empty, the page the request shows (see <see cref="IRequestPage"/>), so an
    /// Umbraco template needs no argument; on pages that are not content, set <see cref="Language"/>.
    /// </summary>
    public ContentItem? Item { get; set; }

    /// <summary>The page's language when there is no item; the request's UI language (which a CMS sets per page) when empty.</summary>
    public string? Language { get; set; }

    /// <inheritdoc />
    protected override object? Arguments()
    {
        var item = Item ?? pages.Find(ViewContext.HttpContext);
        var language = item is null ? Language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : Language;
        return new { item, language };
    }
}
