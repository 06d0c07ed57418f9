using JourneyContent.Content;
using JourneyContent.Web.Pages;
using Microsoft.AspNetCore.Http;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Umbraco.Content;

/// <summary>
/// The page of a request as Umbraco routed it: the published request's document and culture, so that <c>/post</c> and
/// <c>/post/</c> are one page and two hostnames that share a path (one per language) are two.
/// </summary>
/// <remarks>
/// Umbraco sets <c>IUmbracoContext.PublishedRequest</c> while it routes a front-end request
/// (src/Umbraco.Web.Website/Routing/UmbracoRouteValueTransformer.cs, <c>RouteRequestAsync</c>), before any controller
/// runs. Outside Umbraco's routing (a site's own controller, a request with no Umbraco context) the page is found by
/// its URL, as in the standalone site.
/// </remarks>
internal sealed class PublishedRequestPage(IUmbracoContextAccessor umbracoContexts, IContentSource content) : IRequestPage
{
    /// <inheritdoc />
    public ContentItem? Find(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!umbracoContexts.TryGetUmbracoContext(out var umbraco) || umbraco.PublishedRequest is not { } request)
        {
            return content.Current.FindByUrl(context.Request.Path.Value);
        }

        return request.PublishedContent is { } document ? Of(content.Current, document.Key, request.Culture) : null;
    }

    /// <summary>
    /// The item of <paramref name="document"/> in <paramref name="culture"/>. An invariant document has one item, whatever
    /// the culture of the domain it is served on.
    /// </summary>
    internal static ContentItem? Of(ContentSnapshot snapshot, Guid document, string? culture)
    {
        if (!string.IsNullOrEmpty(culture)
            && snapshot.FindById(PublishedContentMapper.ItemId(document, UmbracoContentSource.LanguageOf(culture))) is { } item)
        {
            return item;
        }

        using var versions = snapshot.WithTranslationKey(document.ToString("D")).GetEnumerator();
        if (!versions.MoveNext())
        {
            return null;
        }

        var only = versions.Current;
        return versions.MoveNext() ? null : only;
    }
}
