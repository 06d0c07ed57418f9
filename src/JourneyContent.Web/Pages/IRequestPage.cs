using JourneyContent.Content;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Pages;

/// <summary>
/// The content item a request shows when a CMS routes its own pages: the page whose reading is tracked, whose gated
/// form is taken, and whose blocks a template renders without naming the item.
/// </summary>
/// <remarks>
/// The default finds the item by the request's path. A CMS that knows which document it routed replaces it (on Umbraco,
/// the published request's content and culture), because paths alone are ambiguous there: hostname-per-language sites
/// share them.
/// </remarks>
public interface IRequestPage
{
    /// <summary>The journey item this request shows, or null when it shows none.</summary>
    ContentItem? Find(HttpContext context);
}

/// <summary>Finds the page by the request's path in the current content snapshot.</summary>
public sealed class RequestPageByUrl(IContentSource content) : IRequestPage
{
    /// <inheritdoc />
    public ContentItem? Find(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return content.Current.FindByUrl(context.Request.Path.Value);
    }
}
