using System.Collections.Concurrent;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Recommendations;
using JourneyContent.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tracking;

/// <summary>Records what a visitor does, keeps their stage up to date, and answers where they stand.</summary>
/// <remarks>
/// Inference runs in memory when the event happens (a sub-microsecond update), so pages can use the new stage
/// at once; the event and any stage change go through <see cref="JourneyEventQueue"/> to the store in the
/// background. A visitor not in memory (after a restart) is rebuilt by replaying their stored events.
/// Nothing is recorded, and no cookie set, unless <see cref="TrackingRequest.MayTrack"/> allows it.
/// </remarks>
public sealed class JourneyTracker
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TrackedVisitor>>> _visitors = new(StringComparer.Ordinal);
    private readonly IContentSource _content;
    private readonly IJourneyStore _store;
    private readonly JourneyEventQueue _queue;
    private readonly TimeProvider _time;
    private readonly TrackingOptions _options;
    private readonly StageInferenceEngine _engine;
    private readonly Lock _mergeLock = new();
    private SignalIndex? _signals;

    /// <summary>Creates the tracker over the site's stage model and content.</summary>
    public JourneyTracker(StageInferenceEngine engine, IContentSource content, IJourneyStore store, JourneyEventQueue queue, TimeProvider time, IOptions<TrackingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _content = content;
        _store = store;
        _queue = queue;
        _time = time;
        _options = options.Value;
        _engine = engine;
    }

    /// <summary>The engine, for callers that need estimates of their own.</summary>
    public StageInferenceEngine Engine => _engine;

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

        await RecordAsync(visitorId, _time.GetUtcNow(), type, item?.Id, declaredStage);
        return true;
    }

    /// <summary>Records an event of a known visitor.</summary>
    public async Task RecordAsync(string visitorId, DateTimeOffset at, JourneyEventType type, string? contentId, string? declaredStage = null)
    {
        var visitor = await StateAsync(visitorId);
        Signals().TryFind(contentId, out var signal);
        var declared = declaredStage is null ? null : _engine.Model.Stages.FindStage(declaredStage);
        List<StoredTransition> transitions;
        lock (visitor)
        {
            visitor.History.Record(type, contentId);
            var changes = _engine.Apply(visitor.State, at, type, signal, declared);
            transitions = new List<StoredTransition>(changes.Count);
            foreach (var change in changes)
            {
                transitions.Add(new StoredTransition(visitorId, change.From?.Key, change.To.Key, change.At, change.ContentId, change.Reason.ToString()));
            }
        }

        _queue.TryEnqueue(new QueuedEvent(new JourneyEvent(visitorId, at, type, contentId, declared?.Key), transitions));
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

        var visitor = await StateAsync(visitorId);
        var now = _time.GetUtcNow();
        lock (visitor)
        {
            if (visitor.Impressions.TryGetValue(offer.Id, out var last) && now - last < ImpressionWindow)
            {
                return false;
            }

            visitor.Impressions[offer.Id] = now;
        }

        await RecordAsync(visitorId, now, JourneyEventType.CtaImpression, offer.Id);
        return true;
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

        var visitor = await StateAsync(id);
        lock (visitor)
        {
            return _engine.Estimate(visitor.State, _time.GetUtcNow());
        }
    }

    /// <summary>Where a visitor that tracking already allowed stands now.</summary>
    public async Task<StageEstimate> EstimateAsync(string visitorId)
    {
        var visitor = await StateAsync(visitorId);
        lock (visitor)
        {
            return _engine.Estimate(visitor.State, _time.GetUtcNow());
        }
    }

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

        var visitor = await StateAsync(id);
        lock (visitor)
        {
            var estimate = _engine.Estimate(visitor.State, _time.GetUtcNow());
            return VisitorContext.For(language, page, estimate.Stage, visitor.History);
        }
    }

    /// <summary>
    /// Merges the histories of <paramref name="others"/> (the same lead's other browsers or devices) into
    /// <paramref name="visitorId"/>, so inference and recommendations see one person. The stored events stay under
    /// their own visitor ids; a later rebuild of <paramref name="visitorId"/> alone does not include them until the
    /// lead submits a form again.
    /// </summary>
    public async Task MergeAsync(string visitorId, IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return;
        }

        var visitor = await StateAsync(visitorId);
        foreach (var otherId in others.Where(o => o != visitorId).Distinct(StringComparer.Ordinal))
        {
            var other = await StateAsync(otherId);
            // Merges are rare: one at a time, so two merges in opposite directions cannot take the two locks in opposite orders.
            lock (_mergeLock)
            lock (other)
            {
                lock (visitor)
                {
                    _engine.Merge(visitor.State, other.State);
                    visitor.History.MergeFrom(other.History);
                }
            }
        }
    }

    /// <summary>Forgets a visitor kept in memory (after a refusal of consent).</summary>
    public void Forget(string visitorId) => _visitors.TryRemove(visitorId, out _);

    /// <summary>How many visitors are held in memory now.</summary>
    internal int InMemoryVisitors => _visitors.Count;

    internal bool IsInMemory(string visitorId) => _visitors.ContainsKey(visitorId);

    private async Task<TrackedVisitor> StateAsync(string visitorId)
    {
        var entry = _visitors.GetOrAdd(visitorId, id => new Lazy<Task<TrackedVisitor>>(() => RebuildAsync(id)));
        TrackedVisitor state;
        try
        {
            state = await entry.Value;
        }
        catch
        {
            // A failed rebuild (the store was unreachable) must not stay cached: the next request tries again.
            _visitors.TryRemove(KeyValuePair.Create(visitorId, entry));
            throw;
        }

        if (_visitors.Count > Math.Max(1, _options.MaxVisitorsInMemory))
        {
            Trim();
        }

        return state;
    }

    /// <summary>
    /// Drops the least recently active tenth of the visitors held in memory. Sorting happens once per that many new
    /// visitors, not per request; a dropped visitor is rebuilt from the store on their next event.
    /// </summary>
    private void Trim()
    {
        lock (_visitors)
        {
            var limit = Math.Max(1, _options.MaxVisitorsInMemory);
            if (_visitors.Count <= limit)
            {
                return;
            }

            var keep = Math.Max(1, limit - (limit / 10));
            var oldest = _visitors
                .Where(v => v.Value.IsValueCreated && v.Value.Value.IsCompletedSuccessfully)
                .Select(v => (v.Key, LastEventAt: v.Value.Value.Result.State.LastEventAt ?? DateTimeOffset.MinValue))
                .OrderBy(v => v.LastEventAt)
                .Take(_visitors.Count - keep)
                .Select(v => v.Key)
                .ToList();
            foreach (var id in oldest)
            {
                _visitors.TryRemove(id, out _);
            }
        }
    }

    private async Task<TrackedVisitor> RebuildAsync(string visitorId)
    {
        var visitor = new TrackedVisitor(_engine.NewVisitor(), new ReadingHistory());
        var signals = Signals();
        foreach (var e in await _store.EventsOfAsync(visitorId, CancellationToken.None))
        {
            signals.TryFind(e.Content, out var signal);
            visitor.History.Record(e.Type, e.Content);
            if (e.Type == JourneyEventType.CtaImpression && e.Content is { } shown)
            {
                visitor.Impressions[shown] = e.Timestamp;
            }

            _engine.Apply(visitor.State, e.Timestamp, e.Type, signal, e.DeclaredStage is null ? null : _engine.Model.Stages.FindStage(e.DeclaredStage));
        }

        return visitor;
    }

    private ContentSignalIndex Signals()
    {
        var snapshot = _content.Current;
        var current = Volatile.Read(ref _signals);
        if (current is not null && ReferenceEquals(current.Snapshot, snapshot))
        {
            return current.Index;
        }

        var index = ContentSignalIndex.Create(_engine.Model, snapshot.Items);
        Volatile.Write(ref _signals, new SignalIndex(snapshot, index));
        return index;
    }

    /// <summary>One visitor in memory: the inference state and the reading history, both guarded by locking this object.</summary>
    private sealed record TrackedVisitor(VisitorState State, ReadingHistory History)
    {
        /// <summary>When each call to action was last recorded as shown to this visitor.</summary>
        public Dictionary<string, DateTimeOffset> Impressions { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The content signals and the snapshot they were built from, swapped as one reference.</summary>
    private sealed record SignalIndex(ContentSnapshot Snapshot, ContentSignalIndex Index);
}
