using System.Runtime.CompilerServices;
using JourneyContent.Content;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Forms;

/// <summary>
/// Sends a request for a gated file's public media URL to the form of its item instead: a CMS serves its media
/// publicly, so the file's own URL must lead to the form, not to the file.
/// </summary>
/// <remarks>
/// Runs before the CMS's static files and routing, so the file is never served. The page itself (tracking, the form's
/// post) is <see cref="CmsPageFilter"/>'s, which runs once the CMS has routed the request.
/// </remarks>
public sealed class GatedMediaMiddleware
{
    private readonly RequestDelegate _next;

    /// <summary>Creates the middleware.</summary>
    public GatedMediaMiddleware(RequestDelegate next) => _next = next;

    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context, IContentSource content)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        if (GatedAssets.Of(content.Current).GetValueOrDefault(context.Request.Path.Value ?? string.Empty) is { } gated)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Redirect(gated.Url + "#gated-title");
            return Task.CompletedTask;
        }

        return _next(context);
    }

    /// <summary>The items of a snapshot by the URL of their gated file, built once per snapshot.</summary>
    private static class GatedAssets
    {
        private static readonly ConditionalWeakTable<ContentSnapshot, Dictionary<string, ContentItem>> BySnapshot = [];

        public static Dictionary<string, ContentItem> Of(ContentSnapshot snapshot) => BySnapshot.GetValue(snapshot, static s =>
        {
            var byUrl = new Dictionary<string, ContentItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in s.Items.Where(i => i.IsGated && !i.IsUntagged && i.GatedAsset!.StartsWith('/')))
            {
                byUrl.TryAdd(item.GatedAsset!, item);
            }

            return byUrl;
        });
    }
}
