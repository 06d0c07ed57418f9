using System.Text.Json.Serialization;
using JourneyContent.Content;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The visitor-facing tracking API: consent, browser events and the visitor's stage.</summary>
public static class TrackingEndpoints
{
    /// <summary>The engagement script's path.</summary>
    public const string ScriptPath = "/journey/journey.js";

    /// <summary>
    /// Maps <c>POST /api/journey/consent</c> (JSON <c>{"accept": true}</c> for scripts, or the banner's form with its
    /// antiforgery token), <c>POST /api/journey/events</c> (JSON <c>{"type": "engaged", "path": "/en/slug"}</c>, or
    /// <c>{"type": "declared_stage", "stage": "decision"}</c>),
    /// <c>GET /api/journey/me</c> and the engagement script.
    /// </summary>
    public static RouteGroupBuilder MapJourneyTracking(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/journey");
        api.MapPost("/consent", GiveConsent).DisableAntiforgery();
        api.MapPost("/events", RecordEvent).DisableAntiforgery();
        api.MapGet("/me", Me);
        endpoints.MapGet(ScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public,max-age=3600";
            return Results.Text(EngagementScript, "text/javascript; charset=utf-8");
        });
        return api;
    }

    /// <summary>Records the consent choice. JSON bodies cannot be sent cross-site without CORS, so they need no token; forms do.</summary>
    private static async Task<Results<NoContent, RedirectHttpResult, BadRequest<string>>> GiveConsent(HttpContext context, JourneyTracker tracker, IOptions<TrackingOptions> options, IAntiforgery antiforgery)
    {
        bool accept;
        string? returnUrl = null;
        if (context.Request.HasJsonContentType())
        {
            var body = await context.Request.ReadFromJsonAsync<ConsentRequest>(context.RequestAborted);
            if (body?.Accept is not { } value)
            {
                return TypedResults.BadRequest("Send {\"accept\": true} or {\"accept\": false}.");
            }

            accept = value;
        }
        else if (context.Request.HasFormContentType)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest("The form has expired; reload the page and choose again.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            accept = form["accept"] == "true";
            returnUrl = form["returnUrl"];
        }
        else
        {
            return TypedResults.BadRequest("Send JSON {\"accept\": true|false} or the consent form.");
        }

        context.Response.Cookies.Append(TrackingRequest.ConsentCookie, accept ? "granted" : "denied", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = options.Value.ConsentLifetime,
            IsEssential = true,
        });
        if (accept)
        {
            // The id is issued with the consent, unless Do Not Track, GPC or a bot says otherwise.
            tracker.VisitorId(context, consentJustGiven: true);
        }
        else
        {
            if (context.Request.Cookies[TrackingRequest.VisitorCookie] is { } id)
            {
                tracker.Forget(id);
            }

            context.Response.Cookies.Delete(TrackingRequest.VisitorCookie);
        }

        return JourneyContent.Web.Pages.LocalUrl.IsLocal(returnUrl)
            ? TypedResults.Redirect(returnUrl!)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, NoContent, BadRequest<string>>> RecordEvent(HttpContext context, JourneyTracker tracker, IContentSource content)
    {
        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.BadRequest("Send JSON.");
        }

        var body = await context.Request.ReadFromJsonAsync<EventRequest>(context.RequestAborted);
        // Browsers may report engagement, clicks and a stage the visitor declares ("where are you in your project?");
        // views, downloads and form submissions are recorded by the server itself.
        if (body?.Type is not ("engaged" or "cta_click" or "declared_stage") || !JourneyEventTypes.TryParse(body.Type, out var type))
        {
            return TypedResults.BadRequest("type must be engaged, cta_click or declared_stage.");
        }

        var item = content.Current.FindByUrl(body.Path);
        if (type == JourneyEventType.DeclaredStage)
        {
            if (tracker.Engine.Model.Stages.FindStage(body.Stage) is null)
            {
                return TypedResults.BadRequest("stage must be one of the site's stages.");
            }
        }
        else if (item is null)
        {
            return TypedResults.BadRequest("path does not name a content page.");
        }

        return await tracker.RecordAsync(context, type, item, body.Stage) ? TypedResults.Accepted((string?)null) : TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> Me(HttpContext context, JourneyTracker tracker)
    {
        context.Response.Headers.CacheControl = "no-store";
        var estimate = await tracker.EstimateAsync(context);
        return TypedResults.Ok(estimate is null
            ? new MeResponse(null, 0, new Dictionary<string, double>())
            : new MeResponse(estimate.Stage?.Key, Math.Round(estimate.Confidence, 4), estimate.Scores.ToDictionary(s => s.Key, s => Math.Round(s.Value, 4))));
    }

    private sealed record ConsentRequest([property: JsonPropertyName("accept")] bool? Accept);

    private sealed record EventRequest(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("path")] string? Path,
        [property: JsonPropertyName("stage")] string? Stage);

    /// <summary>The answer of <c>GET /api/journey/me</c>; <c>stage</c> is null when nothing is known.</summary>
    public sealed record MeResponse(
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("confidence")] double Confidence,
        [property: JsonPropertyName("scores")] IReadOnlyDictionary<string, double> Scores);

    // Engagement is sent once per page: after 30 s on the page or when 60% of it has been scrolled. A click on a call
    // to action (an element with data-journey-cta, naming the offer's page) is sent as it happens; the beacon survives
    // the navigation that follows. The server decides whether anything is stored (consent, DNT, GPC).
    private const string EngagementScript = """
        (function () {
          var sent = false;
          function post(body) {
            body = JSON.stringify(body);
            if (navigator.sendBeacon) { navigator.sendBeacon("/api/journey/events", new Blob([body], { type: "application/json" })); }
            else { fetch("/api/journey/events", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true }); }
          }
          function send() {
            if (sent) return; sent = true;
            post({ type: "engaged", path: location.pathname });
          }
          document.addEventListener("click", function (e) {
            var cta = e.target.closest && e.target.closest("[data-journey-cta]");
            if (cta) post({ type: "cta_click", path: cta.getAttribute("data-journey-cta") });
          });
          setTimeout(send, 30000);
          addEventListener("scroll", function () {
            var max = document.documentElement.scrollHeight - innerHeight;
            if (max <= 0 || scrollY / max >= 0.6) send();
          }, { passive: true });
        })();
        """;
}
