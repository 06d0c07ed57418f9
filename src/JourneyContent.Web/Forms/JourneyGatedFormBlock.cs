using JourneyContent.Content;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JourneyContent.Web.Forms;

/// <summary>The download form of a gated item; its view is <c>Views/Shared/Components/JourneyGatedForm/Default.cshtml</c>, which a theme may override.</summary>
/// <remarks>After a refused submission the host puts the <see cref="GatedFormModel"/> with errors in <c>HttpContext.Items</c>, so the page shows it again.</remarks>
[ViewComponent(Name = "JourneyGatedForm")]
public sealed class JourneyGatedFormViewComponent(GatedFormService forms) : ViewComponent
{
    /// <summary>The key under which a refused form waits to be shown again.</summary>
    public static readonly object RefusedFormKey = new();

    /// <summary>Renders the form of <paramref name="item"/>.</summary>
    public async Task<IViewComponentResult> InvokeAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsGated)
        {
            return Content(string.Empty);
        }

        var model = HttpContext.Items[RefusedFormKey] is GatedFormModel refused && refused.Item.Id == item.Id
            ? refused
            : await forms.PrepareAsync(HttpContext, item);
        return View(model);
    }
}

/// <summary><c>&lt;journey-gated-form /&gt;</c> (or <c>item="@Model"</c>): the download form of a gated item, for themes and Umbraco templates.</summary>
[HtmlTargetElement("journey-gated-form", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JourneyGatedFormTagHelper(IViewComponentHelper components, IRequestPage pages)
    : ViewComponentTagHelper(components, "JourneyGatedForm")
{
    /// <summary>The gated item; when empty, the page the request shows (see <see cref="IRequestPage"/>).</summary>
    public ContentItem? Item { get; set; }

    /// <inheritdoc />
    protected override object? Arguments() =>
        (Item ?? pages.Find(ViewContext.HttpContext)) is { } item ? new { item } : null;
}
