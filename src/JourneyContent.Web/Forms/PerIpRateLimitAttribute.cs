using System.Globalization;
using System.Net;
using JourneyContent.Throttling;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyContent.Web.Forms;

/// <summary>
/// Holds an action to the per-IP limit of form posts, the one count that every form post and link renewal of the module
/// shares, without ASP.NET Core's rate-limiting middleware.
/// </summary>
/// <remarks>
/// <c>[EnableRateLimiting]</c> does nothing in a pipeline without <c>app.UseRateLimiter()</c> after routing, and an
/// Umbraco site's pipeline (built by <c>UseUmbraco()</c>) has none; a package cannot put it in the right place there
/// without an edit of Program.cs. It runs as an authorization filter of order 0, before the anti-forgery check (order
/// 1000), so that posts with a bad token count too. Over the limit it answers as <see cref="FormRateLimiter"/> says.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PerIpRateLimitAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <inheritdoc />
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.RequestServices.GetRequiredService<FormRateLimiter>().Refusal(context.HttpContext) is { } refusal)
        {
            context.Result = refusal;
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The one per-IP limit of form posts (content pages, CMS pages) and link renewals, a singleton so that counts span
/// requests and every kind of post draws on the same count; and the one answer over the limit.
/// </summary>
internal sealed class FormRateLimiter(IOptions<GatedFormOptions> options, TimeProvider time)
{
    private readonly FixedWindowLimit _perIp = new(options.Value.PerIpLimit, options.Value.RateLimitWindow, time);

    /// <summary>Null when the post is within the limit; otherwise the 429 answer to send instead of handling it.</summary>
    public TooManyRequestsAnswer? Refusal(HttpContext context) =>
        _perIp.TryAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown") is { } retryAfter ? new TooManyRequestsAnswer(retryAfter) : null;
}

/// <summary>
/// 429 with Retry-After, in the visitor's language: the host's own error page when it has status code pages (the
/// standalone site's themed page, whatever the request accepts), else a short page of its own for a browser, or problem details for a script.
/// </summary>
internal sealed class TooManyRequestsAnswer(TimeSpan retryAfter) : IActionResult, IResult
{
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        // A host with status code pages answers this error as it answers every other one.
        if (httpContext.Features.Get<IStatusCodePagesFeature>() is { Enabled: true })
        {
            return;
        }

        var wantsPage = httpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var catalog = httpContext.RequestServices.GetRequiredService<ITextCatalog>();
        var language = catalog.Resolve(CultureInfo.CurrentUICulture.Name);
        var title = catalog.Get("TooManyTitle", language);
        var text = catalog.Get("TooManyText", language);
        if (wantsPage)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
                $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></main></body></html>",
                httpContext.RequestAborted);
            return;
        }

        response.ContentType = "application/problem+json";
        await response.WriteAsJsonAsync(
            new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = text },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: httpContext.RequestAborted);
    }
}
