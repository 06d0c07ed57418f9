using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Web.Forms;

/// <summary>
/// Holds an action to the per-IP limit of form posts by itself, without ASP.NET Core's rate-limiting middleware.
/// </summary>
/// <remarks>
/// <c>[EnableRateLimiting]</c> does nothing in a pipeline without <c>app.UseRateLimiter()</c> after routing, and an
/// Umbraco site's pipeline (built by <c>UseUmbraco()</c>) has none; a package cannot put it in the right place there
/// without an edit of Program.cs. It runs as an authorization filter of order 0, before the anti-forgery check (order
/// 1000), so that posts with a bad token count too. Over the limit it answers 429 with a problem text and Retry-After.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PerIpRateLimitAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <inheritdoc />
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<FormRateLimiter>();
        using var lease = await limiter.Limiter.AcquireAsync(http, 1, http.RequestAborted);
        if (lease.IsAcquired)
        {
            return;
        }

        var detail = "Too many requests from this address; try again later.";
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            var seconds = (int)Math.Ceiling(retry.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many requests from this address; try again in {seconds} seconds.";
        }

        context.Result = new ObjectResult(new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail })
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
    }
}

/// <summary>The one per-IP limiter of <see cref="PerIpRateLimitAttribute"/> and of form posts on CMS pages (<see cref="CmsPageMiddleware"/>), a singleton so that counts span requests.</summary>
internal sealed class FormRateLimiter : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } =
        PartitionedRateLimiter.Create<HttpContext, string>(Microsoft.Extensions.DependencyInjection.FormsServiceCollectionExtensions.PerIpPartition);

    public void Dispose() => Limiter.Dispose();
}
