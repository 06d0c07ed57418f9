using System.Globalization;
using JourneyContent.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Umbraco.Tests.Hosting;

/// <summary>The document Umbraco's routing found for a request, and the culture it serves it in.</summary>
internal sealed record RoutedDocument(Guid Key, string Culture);

/// <summary>
/// Stands in for Umbraco's front-end routing, which needs Umbraco.Cms.Web.Common and Web.Website (not served here).
/// </summary>
/// <remarks>
/// What it does is what Umbraco does before any controller runs, as its source says:
/// <list type="bullet">
/// <item>src/Umbraco.Web.Common/UmbracoContext/UmbracoRequestMiddleware.cs creates an <see cref="IUmbracoContext"/> per
/// front-end request and sets it on the <see cref="IUmbracoContextAccessor"/> (Core's <see cref="HybridUmbracoContextAccessor"/>,
/// registered by src/Umbraco.Core/DependencyInjection/UmbracoBuilder.cs), clearing it at the end;</item>
/// <item>src/Umbraco.Web.Website/Routing/UmbracoRouteValueTransformer.cs (<c>RouteRequestAsync</c>) sets
/// <c>IUmbracoContext.PublishedRequest</c>, a real <see cref="PublishedRequest"/> with the document and its culture;
/// for a request no document matches, the published request has no content;</item>
/// <item>src/Umbraco.Web.Common/Localization/UmbracoPublishedContentCultureProvider.cs makes the published request's
/// culture the request culture.</item>
/// </list>
/// Requests under <c>/journey</c> and <c>/api</c> (the module's own endpoints, which Umbraco does not route as documents)
/// get an Umbraco context without a published request.
/// </remarks>
internal static class UmbracoRoutingStandIn
{
    /// <summary>Routes each request to the document <paramref name="route"/> names (null: no document matches).</summary>
    public static WebApplication UseUmbracoRoutingStandIn(this WebApplication app, Func<HttpRequest, RoutedDocument?> route)
    {
        var accessor = app.Services.GetRequiredService<IUmbracoContextAccessor>();
        app.Use(async (context, next) =>
        {
            var umbraco = Substitute.For<IUmbracoContext>();
            var path = context.Request.Path.Value ?? "/";
            if (!path.StartsWith("/journey", StringComparison.Ordinal) && !path.StartsWith("/api/", StringComparison.Ordinal))
            {
                var uri = new Uri($"{context.Request.Scheme}://{context.Request.Host}{path}");
                var routed = route(context.Request);
                IPublishedContent? document = null;
                if (routed is not null)
                {
                    document = Substitute.For<IPublishedContent>();
                    document.Key.Returns(routed.Key);
                    var culture = CultureInfo.GetCultureInfo(routed.Culture);
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = culture;
                }

                var request = new PublishedRequest(
                    uri, path, document, false, null, null, routed?.Culture, null, null, routed is null ? 404 : null, null, null, false, false);
                umbraco.PublishedRequest.Returns(request);
            }

            accessor.Set(umbraco);
            try
            {
                await next(context);
            }
            finally
            {
                accessor.Clear();
            }
        });
        return app;
    }

    /// <summary>
    /// Routes a path (with or without its trailing slash, as Umbraco does) to the document of the item at that URL, in
    /// the item's language; any other path to a document that is not journey content, in the language of its first
    /// segment (<c>/fr/…</c>: French), English otherwise.
    /// </summary>
    public static Func<HttpRequest, RoutedDocument?> ByUrl(IEnumerable<ContentItem> items)
    {
        var byUrl = items.ToDictionary(i => i.Url.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
        return request =>
        {
            var path = (request.Path.Value ?? "/").TrimEnd('/');
            if (byUrl.TryGetValue(path, out var item))
            {
                return new RoutedDocument(Guid.Parse(item.TranslationKey!), CultureOf(item.Language));
            }

            return new RoutedDocument(KeyOf(path), CultureOf(path.StartsWith("/fr/", StringComparison.Ordinal) || path == "/fr" ? "fr" : "en"));
        };
    }

    /// <summary>A stable document key for a name, as Umbraco keeps one per document.</summary>
    public static Guid KeyOf(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    /// <summary>The culture Umbraco serves a language in (its languages are cultures: en-US, fr-FR).</summary>
    public static string CultureOf(string language) => language == "fr" ? "fr-FR" : "en-US";
}
