using JourneyContent.Tracking;
using JourneyContent.Web.Pages;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Web.Forms;

/// <summary>
/// The module's part in pages a CMS renders with its own controllers: records the visitor's reading of a journey page,
/// and takes the gated form posted to it before the page is rendered (again, with the errors, when the form was refused).
/// </summary>
/// <remarks>
/// A global MVC filter rather than middleware, because the page is known only once the CMS has routed the request
/// (<see cref="IRequestPage"/>; on Umbraco, the published request). Requests that show no journey page pass untouched.
/// The standalone site does the same in its content controller and does not register this filter.
/// </remarks>
public sealed class CmsPageFilter(IRequestPage pages, JourneyTracker tracker) : IAsyncActionFilter
{
    /// <summary>The field of an Umbraco surface controller's form: such a post is the site's own form, not the gated form.</summary>
    private const string SurfaceFormField = "ufprt";

    /// <inheritdoc />
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!(isGet || HttpMethods.IsPost(http.Request.Method)) || pages.Find(http) is not { IsUntagged: false } item)
        {
            await next();
            return;
        }

        if (isGet)
        {
            await tracker.RecordAsync(http, JourneyEventType.View, item);
        }
        else if (item.IsGated && http.Request.HasFormContentType && await SubmitAsync(http, item) is { } answered)
        {
            context.Result = answered;
            return;
        }

        await next();
    }

    /// <summary>The answer when one was written or is to be sent; null when the page is to be rendered (with the refused form, if any).</summary>
    private static async Task<IActionResult?> SubmitAsync(HttpContext context, Content.ContentItem item)
    {
        // A form that cannot be read (too many fields, a value too long) is the visitor's error, not the CMS's.
        if (!await ReadableForms.TryReadAsync(context))
        {
            return Refused("The form could not be read: it has too many fields or a value that is too long.");
        }

        if (context.Request.Form.ContainsKey(SurfaceFormField))
        {
            return null;
        }

        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return Refused("The form has expired or did not come from this site. Reload the page and send it again.");
        }

        // The limiter that link renewals use too: one count per address for every form post on a CMS page.
        if (context.RequestServices.GetRequiredService<FormRateLimiter>().Refusal(context) is { } refusal)
        {
            return refusal;
        }

        var answer = await context.RequestServices.GetRequiredService<GatedFormSubmission>().SubmitAsync(context, item);
        return answer is null ? null : new HttpResultAction(answer);
    }

    private static ContentResult Refused(string message) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Content = message,
        ContentType = "text/plain; charset=utf-8",
    };

    /// <summary>A minimal API result sent from an MVC filter.</summary>
    private sealed class HttpResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
