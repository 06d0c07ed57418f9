using System.Text.Json.Serialization;
using JourneyContent.Content;
using JourneyContent.Inference;
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
    private static async Task<Results<NoContent, RedirectHttpResult, ProblemHttpResult>> GiveConsent(HttpContext context, JourneyTracker tracker, IOptions<TrackingOptions> options, IAntiforgery antiforgery)
    {
        bool accept;
        string? returnUrl = null;
        var fromBanner = false;
        if (context.Request.HasJsonContentType())
        {
            var body = await JsonBody.ReadAsync<ConsentRequest>(context.Request);
            if (body.Problem is { } problem)
            {
                return BadRequest(problem);
            }

            if (body.Value?.Accept is not { } value)
            {
                return BadRequest("Send {\"accept\": true} or {\"accept\": false}.");
            }

            accept = value;
        }
        else if (context.Request.HasFormContentType)
        {
            try
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return BadRequest("The form has expired; reload the page and choose again.");
                }

                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                accept = form["accept"] == "true";
                returnUrl = form["returnUrl"];
                fromBanner = form["from"] == "banner";
            }
            catch (InvalidDataException)
            {
                return BadRequest("The form could not be read; reload the page and choose again.");
            }
        }
        else
        {
            return BadRequest("Send JSON {\"accept\": true|false} or the consent form.");
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

        var goBack = JourneyContent.Web.Pages.LocalUrl.IsLocal(returnUrl);
        if (goBack && fromBanner)
        {
            // The banner is gone from the page it leads back to; this says so there once, and takes the focus the
            // banner's button had (the settings block on the privacy page shows its own state instead).
            context.Response.Cookies.Append(TrackingRequest.ConsentSavedCookie, accept ? "granted" : "denied", new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TrackingRequest.ConsentSavedLifetime,
                IsEssential = true,
            });
        }

        return goBack
            ? TypedResults.Redirect(returnUrl!)
            : TypedResults.NoContent();
    }

    /// <summary>
    /// Records an event the browser reports. A <c>stage</c> is accepted only with <c>declared_stage</c>: with another type
    /// it is answered 400, because an engaged read or a click declares nothing and silently dropping the field would hide
    /// a sender's bug. While the store cannot keep events (see <see cref="JourneyEventQueue.CannotKeep"/>) the answer is 503.
    /// </summary>
    private static async Task<Results<Accepted, NoContent, ProblemHttpResult>> RecordEvent(HttpContext context, JourneyTracker tracker, IContentSource content, TimeProvider time)
    {
        if (!context.Request.HasJsonContentType())
        {
            return BadRequest("Send JSON: {\"type\": \"engaged\", \"path\": \"/en/page\"}.");
        }

        var read = await JsonBody.ReadAsync<EventRequest>(context.Request);
        if (read.Problem is { } problem)
        {
            return BadRequest(problem);
        }

        var body = read.Value!;
        // Browsers may report engagement, clicks and a stage the visitor declares ("where are you in your project?");
        // views, downloads and form submissions are recorded by the server itself.
        if (body.Type is not ("engaged" or "cta_click" or "declared_stage") || !JourneyEventTypes.TryParse(body.Type, out var type))
        {
            return BadRequest("type must be engaged, cta_click or declared_stage.");
        }

        // The item's id, when the page names it, wins over the path: paths are shared where a CMS serves a hostname per language.
        var item = body.Content is { Length: > 0 } id ? content.Current.FindById(id) : content.Current.FindByUrl(body.Path);
        if (body.Content is { Length: > 0 } && item is null)
        {
            return BadRequest("content does not name a content page.");
        }

        switch (tracker.Journeys.Check(type, body.Stage))
        {
            case RecordStatus.UnknownStage:
                return BadRequest($"stage must be one of the site's stages: {string.Join(", ", tracker.Engine.Model.Stages.Stages.Select(s => s.Key))}.");
            case RecordStatus.UnexpectedStage:
                return BadRequest("stage is only for declared_stage events; leave it out of engaged and cta_click.");
        }

        if (type != JourneyEventType.DeclaredStage && item is null)
        {
            return BadRequest("path does not name a content page.");
        }

        if (tracker.Queue.CannotKeep(time.GetUtcNow(), out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                "Events cannot be stored at the moment; nothing was recorded. Send the event again after the Retry-After delay.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Tracking is unavailable");
        }

        return await tracker.TryRecordAsync(context, type, item, body.Stage) is null ? TypedResults.NoContent() : TypedResults.Accepted((string?)null);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be used");

    private static async Task<Ok<MeResponse>> Me(HttpContext context, JourneyTracker tracker)
    {
        context.Response.Headers.CacheControl = "no-store";
        var estimate = await tracker.EstimateAsync(context);
        return TypedResults.Ok(estimate is null
            ? new MeResponse(null, 0, new Dictionary<string, double>())
            : new MeResponse(estimate.Stage?.Key, Math.Round(estimate.Confidence, 4), estimate.Scores.ToDictionary(s => s.Key, s => Math.Round(s.Value, 4)))
            {
                Source = estimate.Source switch
                {
                    StageSource.Inferred => "inferred",
                    StageSource.Explicit => "explicit",
                    StageSource.Locked => "locked",
                    _ => "none",
                },
                Probabilities = estimate.Probabilities.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
                Explanation = [.. estimate.Explanation.Select(e => new MeShift(e.At, e.Type.Key(), e.ContentId, e.Stage, Math.Round(e.Change, 4)))],
                Lock = estimate.Lock is { } held ? new MeLock(held.Stage, held.Until) : null,
            });
    }

    private sealed record ConsentRequest([property: JsonPropertyName("accept")] bool? Accept);

    private sealed record EventRequest(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("path")] string? Path,
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("content")] string? Content = null);

    /// <summary>The answer of <c>GET /api/journey/me</c>; <c>stage</c> is null when nothing is known.</summary>
    /// <remarks>
    /// <c>probabilities</c> is the model's probability of every stage, by stage key in funnel order (all 0 when nothing is
    /// known); <c>explanation</c> the events that moved that belief most, strongest first; <c>lock</c> the marketer's stage
    /// lock holding <c>stage</c> (with <c>source</c> <c>locked</c>), or null.
    /// </remarks>
    public sealed record MeResponse(
        [property: JsonPropertyName("stage")] string? Stage,
        [property: JsonPropertyName("confidence")] double Confidence,
        [property: JsonPropertyName("scores")] IReadOnlyDictionary<string, double> Scores)
    {
        /// <summary>Where <see cref="Stage"/> comes from: <c>none</c>, <c>inferred</c>, <c>explicit</c> or <c>locked</c>.</summary>
        [JsonPropertyName("source")]
        public string Source { get; init; } = "none";

        /// <summary>The probability of every stage, by stage key, in funnel order.</summary>
        [JsonPropertyName("probabilities")]
        public IReadOnlyDictionary<string, double> Probabilities { get; init; } = new Dictionary<string, double>();

        /// <summary>The events that moved the belief most, strongest first.</summary>
        [JsonPropertyName("explanation")]
        public IReadOnlyList<MeShift> Explanation { get; init; } = [];

        /// <summary>The stage lock holding <see cref="Stage"/> now, or null.</summary>
        [JsonPropertyName("lock")]
        public MeLock? Lock { get; init; }
    }

    /// <summary>One event of <see cref="MeResponse.Explanation"/>: when, what, on which content, the stage it moved most and by how much (signed).</summary>
    public sealed record MeShift(
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("contentId")] string? ContentId,
        [property: JsonPropertyName("stage")] string Stage,
        [property: JsonPropertyName("change")] double Change);

    /// <summary>The stage lock of <see cref="MeResponse.Lock"/>: the stage held and until when (exclusive). Who set it and why stay in the back office.</summary>
    public sealed record MeLock(
        [property: JsonPropertyName("stage")] string Stage,
        [property: JsonPropertyName("until")] DateTimeOffset Until);

    // Engagement is sent once per page: after 30 s on the page or when 60% of it has been scrolled. A click on a call
    // to action (an element with data-journey-cta, naming the offer's page) is sent as it happens; the beacon survives
    // the navigation that follows. The server decides whether anything is stored (consent, DNT, GPC).
    private const string EngagementScript = """
        (function () {
          var sent = false;
          var page = document.currentScript && document.currentScript.getAttribute("data-journey-page");
          function post(body) {
            body = JSON.stringify(body);
            if (navigator.sendBeacon) { navigator.sendBeacon("/api/journey/events", new Blob([body], { type: "application/json" })); }
            else { fetch("/api/journey/events", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true }); }
          }
          function send() {
            if (sent) return; sent = true;
            post(page ? { type: "engaged", path: location.pathname, content: page } : { type: "engaged", path: location.pathname });
          }
          document.addEventListener("click", function (e) {
            var cta = e.target.closest && e.target.closest("[data-journey-cta]");
            if (!cta) return;
            var id = cta.getAttribute("data-journey-cta-id");
            post(id ? { type: "cta_click", path: cta.getAttribute("data-journey-cta"), content: id } : { type: "cta_click", path: cta.getAttribute("data-journey-cta") });
          });
          setTimeout(send, 30000);
          addEventListener("scroll", function () {
            var max = document.documentElement.scrollHeight - innerHeight;
            if (max <= 0 || scrollY / max >= 0.6) send();
          }, { passive: true });
        })();
        """;
}
