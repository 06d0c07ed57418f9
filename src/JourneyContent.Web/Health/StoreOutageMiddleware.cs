using JourneyContent.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Web.Health;

/// <summary>
/// While the database is out of reach, a request that needs it is answered 503 with a Retry-After and a message, not
/// 500: a load balancer then retries elsewhere or later, and the visitor is told it is temporary.
/// </summary>
/// <remarks>
/// Pages degrade before this (they are served without personalisation) and forms keep what was typed; this catches
/// the rest: the back office, the reports, the visitor API.
/// </remarks>
public sealed partial class StoreOutageMiddleware(RequestDelegate next, ILogger<StoreOutageMiddleware> logger)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Runs the rest of the pipeline, answering 503 for a store failure it did not handle.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StoreFailure.Is(ex) && !context.Response.HasStarted)
        {
            LogOutage(ex, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            const string Detail = "The site's database cannot be reached for the moment; nothing was lost. Try again in a few seconds.";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable").ExecuteAsync(context);
            }
            else
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Temporarily unavailable</title><h1>Temporarily unavailable</h1><p>" + Detail + "</p></html>",
                    context.RequestAborted);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is out of reach; {Path} was answered 503")]
    private partial void LogOutage(Exception error, PathString path);
}
