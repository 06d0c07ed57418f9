using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Recommendations;
using JourneyContent.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tracking;

/// <summary>Records what a visitor does, keeps their stage up to date, and answers where they stand.</summary>
/// <remarks>
/// The web edge of <see cref="VisitorJourneys"/>: it decides from the request whether a visitor may be tracked
/// (consent, Do Not Track, Global Privacy Control, bots, previews), issues the visitor cookie, and queues what the
/// journeys return for the store through <see cref="JourneyEventQueue"/>. The journeys themselves (inference in memory,
/// rebuild of a returning visitor from the store) live in Core.
/// Nothing is recorded, and no cookie set, unless <see cref="TrackingRequest.MayTrack"/> allows it.
/// </remarks>
public sealed class JourneyTracker
{
    private readonly VisitorJourneys _journeys;
    private readonly JourneyEventQueue _queue;
    private readonly TimeProvider _time;
    private readonly TrackingOptions _options;
    private readonly ILogger<JourneyTracker> _logger;

    /// <summary>Creates the tracker over the site's visitor journeys.</summary>
    public JourneyTracker(VisitorJourneys journeys, JourneyEventQueue queue, TimeProvider time, IOptions<TrackingOptions> options, ILogger<JourneyTracker> logger)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(options);
        _journeys = journeys;
        _queue = queue;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The engine, for callers that need estimates of their own.</summary>
    public StageInferenceEngine Engine => _journeys.Engine;

    /// <summary>The visitors' journeys this tracker feeds.</summary>
    public VisitorJourneys Journeys => _journeys;

    /// <summary>The queue this tracker hands events to.</summary>
    internal JourneyEventQueue Queue => _queue;

    /// <summary>The visitor id of this request when tracking is allowed, creating it (and its cookie) if needed; otherwise null.</summary>
    public string? VisitorId(HttpContext context) => VisitorId(context, consentJustGiven: false);

    /// <summary>As <see cref="VisitorId(HttpContext)"/>, for the request that carries the consent itself.</summary>
    internal string? VisitorId(HttpContext context, bool consentJustGiven)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An editor previewing a stage is not a visitor: nothing they see is recorded, and their own profile is left alone.
        if (Recommendations.JourneyPreview.IsRequested(context.Request))
        {
            return null;
        }

        var allowed = consentJustGiven
            ? !TrackingRequest.OptedOut(context.Request) && !TrackingRequest.IsBot(context.Request)
            : TrackingRequest.MayTrack(context.Request, _options);
        if (!allowed)
        {
            return null;
        }

        if (context.Items.TryGetValue(TrackingRequest.VisitorCookie, out var known) && known is string id)
        {
            return id;
        }

        id = context.Request.Cookies[TrackingRequest.VisitorCookie] is { } cookie && TrackingRequest.IsVisitorId(cookie)
            ? cookie
            : TrackingRequest.NewVisitorId();
        context.Items[TrackingRequest.VisitorCookie] = id;
        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Append(TrackingRequest.VisitorCookie, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = _options.ConsentLifetime,
                IsEssential = false,
            });
        }

        return id;
    }

    /// <summary>Records an event of this request's visitor on <paramref name="item"/>; false when tracking is not allowed.</summary>
    public async Task<bool> RecordAsync(HttpContext context, JourneyEventType type, ContentItem? item, string? declaredStage = null)
    {
        if (VisitorId(context) is not { } visitorId)
        {
            return false;
        }

        try
        {
            await RecordAsync(visitorId, _time.GetUtcNow(), type, item?.Id, declaredStage);
        }
        catch (Exception ex) when (JourneyContent.Health.StoreFailure.Is(ex))
        {
            Unrecorded(ex, type);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Records an event of a known visitor and queues it for the store. The outcome says whether it was applied: a
    /// stage missing from a <c>declared_stage</c> event, not one of the funnel's, or given with another type is refused.
    /// </summary>
    public async Task<RecordOutcome> RecordAsync(string visitorId, DateTimeOffset at, JourneyEventType type, string? contentId, string? declaredStage = null)
    {
        var outcome = await _journeys.RecordAsync(visitorId, at, type, contentId, declaredStage);
        if (outcome.Event is not { } recorded)
        {
            return outcome;
        }

        if (!_journeys.ReadsThrough)
        {
            _queue.TryEnqueue(new QueuedEvent(recorded, outcome.Transitions));
            return outcome;
        }

        // A store shared by several instances: the next request may land on another one, which reads the visitor from
        // the store, so the answer waits until the event is there (committed with the rest of its batch).
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.TryEnqueue(new QueuedEvent(recorded, outcome.Transitions, stored)) || !await stored.Task)
        {
            // What this instance holds is no longer what is stored: read it again next time.
            _journeys.Forget(visitorId);
        }

        return outcome;
    }

    /// <summary>As <see cref="RecordAsync(HttpContext, JourneyEventType, ContentItem?, string?)"/>, with the outcome; null when tracking is not allowed.</summary>
    internal async Task<RecordOutcome?> TryRecordAsync(HttpContext context, JourneyEventType type, ContentItem? item, string? declaredStage)
    {
        return VisitorId(context) is { } visitorId
            ? await RecordAsync(visitorId, _time.GetUtcNow(), type, item?.Id, declaredStage)
            : null;
    }

    /// <summary>
    /// Records that this request's visitor was shown the call to action of <paramref name="offer"/>, once per
    /// <see cref="ImpressionWindow"/>: reloading a page or coming back to it within the window is the same impression,
    /// so the reports count people who saw an offer rather than page loads. False when nothing was recorded.
    /// </summary>
    public async Task<bool> RecordImpressionAsync(HttpContext context, ContentItem offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (VisitorId(context) is not { } visitorId)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        try
        {
            if (!await _journeys.TryNoteImpressionAsync(visitorId, offer.Id, now, ImpressionWindow))
            {
                return false;
            }

            await RecordAsync(visitorId, now, JourneyEventType.CtaImpression, offer.Id);
            return true;
        }
        catch (Exception ex) when (JourneyContent.Health.StoreFailure.Is(ex))
        {
            Unrecorded(ex, JourneyEventType.CtaImpression);
            return false;
        }
    }

    // A page is not failed for its tracking: the event is lost, counted as dropped, and the page served.
    private void Unrecorded(Exception error, JourneyEventType type)
    {
        _queue.OnUnrecorded();
        _logger.LogWarning(error, "A {Type} event could not be recorded while the database is out of reach", type.Key());
    }

    /// <summary>How long one impression of a call to action lasts for a visitor (the inference's session gap).</summary>
    public static TimeSpan ImpressionWindow { get; } = TimeSpan.FromMinutes(30);

    /// <summary>Where this request's visitor stands now, or null when not tracked.</summary>
    public async Task<StageEstimate?> EstimateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TrackingRequest.MayTrack(context.Request, _options)
            || context.Request.Cookies[TrackingRequest.VisitorCookie] is not { } id
            || !TrackingRequest.IsVisitorId(id))
        {
            return null;
        }

        return await _journeys.EstimateAsync(id, _time.GetUtcNow());
    }

    /// <summary>Where a visitor that tracking already allowed stands now.</summary>
    public Task<StageEstimate> EstimateAsync(string visitorId) => _journeys.EstimateAsync(visitorId, _time.GetUtcNow());

    /// <summary>
    /// This request's visitor as recommendations need them: their stage and a copy of their reading history for a
    /// page in <paramref name="language"/>; without tracking, a context with no stage (the non-personalised default).
    /// </summary>
    public async Task<VisitorContext> VisitorContextAsync(HttpContext context, string language, ContentItem? page)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TrackingRequest.MayTrack(context.Request, _options)
            || (context.Items[TrackingRequest.VisitorCookie] as string ?? context.Request.Cookies[TrackingRequest.VisitorCookie]) is not { } id
            || !TrackingRequest.IsVisitorId(id))
        {
            return new VisitorContext(language, page, null);
        }

        try
        {
            return await _journeys.ContextAsync(id, _time.GetUtcNow(), language, page);
        }
        catch (Exception ex) when (JourneyContent.Health.StoreFailure.Is(ex))
        {
            // The database is out of reach: the page is still served, with the non-personalised default.
            _logger.LogWarning(ex, "The visitor's journey cannot be read; the page is served without personalisation");
            return new VisitorContext(language, page, null);
        }
    }

    /// <summary>
    /// Merges the histories of <paramref name="others"/> (the same lead's other browsers or devices) into
    /// <paramref name="visitorId"/>, so inference and recommendations see one person (see <see cref="VisitorJourneys.MergeAsync"/>).
    /// </summary>
    public Task MergeAsync(string visitorId, IReadOnlyList<string> others) => _journeys.MergeAsync(visitorId, others);

    /// <summary>Forgets a visitor kept in memory (after a refusal of consent).</summary>
    public void Forget(string visitorId) => _journeys.Forget(visitorId);

    /// <summary>How many visitors are held in memory now.</summary>
    internal int InMemoryVisitors => _journeys.InMemory;

    internal bool IsInMemory(string visitorId) => _journeys.IsInMemory(visitorId);
}
