using System.Globalization;
using System.Runtime.CompilerServices;
using JourneyContent.Content;
using JourneyContent.Tracking;
using JourneyContent.Web.Localization;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Web.Forms;

/// <summary>
/// The module's part in pages a CMS renders: records the visitor's reading of a journey page, takes the gated
/// form posted to it before the CMS renders the page (again, with the errors, when the form was refused), and sends a
/// request for a gated file's public media URL to the form instead.
/// </summary>
/// <remarks>
/// A CMS routes its pages itself, so there is no module controller to hang these on. The page is recognised by its URL
/// in the content snapshot; anything else passes through untouched. The standalone site does the same in its
/// content controller and does not use this middleware.
/// </remarks>
public sealed class CmsPageMiddleware
{
    private readonly RequestDelegate _next;

    /// <summary>Creates the middleware.</summary>
    public CmsPageMiddleware(RequestDelegate next) => _next = next;

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context, IContentSource content, JourneyTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(tracker);
        var snapshot = content.Current;
        var item = snapshot.FindByUrl(context.Request.Path.Value);
        if (item is null || item.IsUntagged)
        {
            if (GatedAssets.Of(snapshot).GetValueOrDefault(context.Request.Path.Value ?? string.Empty) is { } gated)
            {
                // A CMS serves its media publicly: the gated file's own URL leads to its form, not to the file.
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Redirect(gated.Url + "#gated-title");
                return;
            }

            await _next(context);
            return;
        }

        // The page's language is the item's: validation messages and the module's blocks speak it, whatever the CMS
        // decides later for the rest of the page.
        var culture = CultureInfo.GetCultureInfo(SiteLanguages.CultureName(item.Language));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        if (HttpMethods.IsGet(context.Request.Method))
        {
            await tracker.RecordAsync(context, JourneyEventType.View, item);
        }
        else if (HttpMethods.IsPost(context.Request.Method) && item.IsGated && context.Request.HasFormContentType)
        {
            if (await SubmitAsync(context, item))
            {
                return;
            }

            // Shown again with the errors, as for a first visit: the CMS renders pages on GET.
            context.Request.Method = HttpMethods.Get;
        }

        await _next(context);
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

    /// <summary>True when the answer was written; false when the page is to be rendered with the refused form.</summary>
    private async Task<bool> SubmitAsync(HttpContext context, ContentItem item)
    {
        // A form that cannot be read (too many fields, a value too long) is the visitor's error, not the CMS's.
        if (!await ReadableForms.TryReadAsync(context))
        {
            return true;
        }

        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return true;
        }

        // The limiter that link renewals use too: one count per address for every form post on a CMS page.
        if (context.RequestServices.GetRequiredService<FormRateLimiter>().Refusal(context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return true;
        }

        var answer = await context.RequestServices.GetRequiredService<GatedFormSubmission>().SubmitAsync(context, item);
        if (answer is null)
        {
            return false;
        }

        await answer.ExecuteAsync(context);
        return true;
    }
}
