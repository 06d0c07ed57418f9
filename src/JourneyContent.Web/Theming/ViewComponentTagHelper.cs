using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JourneyContent.Web.Theming;

/// <summary>A tag that renders one of the module's view components in its place, so themes and CMS templates write <c>&lt;journey-… /&gt;</c>.</summary>
public abstract class ViewComponentTagHelper(IViewComponentHelper components, string component) : TagHelper
{
    /// <summary>Set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (Arguments() is not { } arguments)
        {
            output.SuppressOutput();
            return;
        }

        ((IViewContextAware)components).Contextualize(ViewContext);
        output.Content.SetHtmlContent(await components.InvokeAsync(component, arguments));
    }

    /// <summary>The component's arguments for this page, or null to render nothing.</summary>
    protected abstract object? Arguments();
}
