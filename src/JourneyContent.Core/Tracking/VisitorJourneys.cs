using System.Collections.Concurrent;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Recommendations;
using JourneyContent.Stages;
using JourneyContent.StageLocks;

namespace JourneyContent.Tracking;

/// <summary>What became of an event handed to <see cref="VisitorJourneys.RecordAsync"/>.</summary>
public enum RecordStatus
{
    /// <summary>Applied to the visitor; <see cref="RecordOutcome.Event"/> is to be stored.</summary>
    Recorded,

    /// <summary>A <c>declared_stage</c> event without a stage, or naming a stage the funnel does not have; nothing changed.</summary>
    UnknownStage,

    /// <summary>A stage given with an event type that declares none; nothing changed.</summary>
    UnexpectedStage,
}

/// <summary>The outcome of recording one event: whether it was applied and, if so, what to store.</summary>
/// <param name="Status">Whether the event was applied.</param>
/// <param name="Event">The event to store; null unless <see cref="Status"/> is <see cref="RecordStatus.Recorded"/>.</param>
/// <param name="Transitions">The stage changes the event caused, to store with it.</param>
public sealed record RecordOutcome(RecordStatus Status, JourneyEvent? Event, IReadOnlyList<StoredTransition> Transitions)
{
    /// <summary>An event that was not applied.</summary>
    internal static RecordOutcome Refused(RecordStatus status) => new(status, null, []);
}

/// <summary>
/// The visitors' journeys as the site sees them live: each known visitor's inference state, reading history and
/// shown calls to action, kept in memory and rebuilt from the store when a visitor comes back after a restart.
/// </summary>
/// <remarks>
/// <para>Inputs are plain (visitor id, event, time) and outputs are outcomes: consent, cookies and queues belong to the
/// host. Storing what <see cref="RecordAsync"/> returns is the caller's job, so that a request never waits for the store.</para>
/// <para>A rebuild replays the stored events with <see cref="JourneyReplayer"/>, the code the <c>replay</c> command
/// uses, so a stored event that no longer fits the configuration (a stage removed from the funnel, content deleted)
/// is skipped and counted in <see cref="Replayed"/> rather than failing every request of that visitor.</para>
/// <para>At most <c>maxVisitorsInMemory</c> visitors are kept; beyond that the least recently active tenth is
/// dropped, and rebuilt on their next request.</para>
/// </remarks>
public sealed class VisitorJourneys
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Journey>>> _visitors = new(StringComparer.Ordinal);
    private readonly StageInferenceEngine _engine;
    private readonly IContentSource _content;
    private readonly IJourneyStore _store;
    private readonly IStageLockStore? _locks;
    private readonly IVisitorVersions? _versions;
    private readonly int _maxVisitors;
    private readonly Lock _mergeLock = new();
    private readonly Lock _countsLock = new();
    private ReplayCounts _replayed;
    private Signals? _signals;

    /// <summary>Creates the journeys over the site's engine, content and store.</summary>
    /// <param name="engine">The inference engine of the site's stage model.</param>
    /// <param name="content">The site's content, whose current snapshot resolves event content.</param>
    /// <param name="store">Where a returning visitor's events are read from.</param>
    /// <param name="maxVisitorsInMemory">How many visitors to keep in memory (at least 1).</param>
    public VisitorJourneys(StageInferenceEngine engine, IContentSource content, IJourneyStore store, int maxVisitorsInMemory)
        : this(engine, content, store, maxVisitorsInMemory, null)
    {
    }

    /// <summary>Creates the journeys over the site's engine, content and store, with the marketers' stage locks.</summary>
    /// <param name="engine">The inference engine of the site's stage model.</param>
    /// <param name="content">The site's content, whose current snapshot resolves event content.</param>
    /// <param name="store">Where a returning visitor's events are read from.</param>
    /// <param name="maxVisitorsInMemory">How many visitors to keep in memory (at least 1).</param>
    /// <param name="locks">Where a returning visitor's stage lock is read from; null when the host has no stage locks.</param>
    public VisitorJourneys(StageInferenceEngine engine, IContentSource content, IJourneyStore store, int maxVisitorsInMemory, IStageLockStore? locks)
        : this(engine, content, store, maxVisitorsInMemory, locks, null)
    {
    }

    /// <summary>
    /// Creates the journeys over a store that several instances share: each visitor held in memory is checked against
    /// <paramref name="versions"/> before it is used, and rebuilt when another instance stored something of theirs.
    /// </summary>
    /// <param name="engine">The inference engine of the site's stage model.</param>
    /// <param name="content">The site's content, whose current snapshot resolves event content.</param>
    /// <param name="store">Where a returning visitor's events are read from.</param>
    /// <param name="maxVisitorsInMemory">How many visitors to keep in memory (at least 1).</param>
    /// <param name="locks">Where a returning visitor's stage lock is read from; null when the host has no stage locks.</param>
    /// <param name="versions">The shared store's versions of visitors; null for a store this process has to itself.</param>
    public VisitorJourneys(StageInferenceEngine engine, IContentSource content, IJourneyStore store, int maxVisitorsInMemory, IStageLockStore? locks, IVisitorVersions? versions)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(store);
        _engine = engine;
        _content = content;
        _store = store;
        _locks = locks;
        _versions = versions;
        _maxVisitors = Math.Max(1, maxVisitorsInMemory);
    }

    /// <summary>The engine, for callers that need the stage model or estimates of their own.</summary>
    public StageInferenceEngine Engine => _engine;

    /// <summary>What the rebuilds of returning visitors have replayed since start, with the stored events that no longer fit.</summary>
    public ReplayCounts Replayed
    {
        get
        {
            lock (_countsLock)
            {
                return _replayed;
            }
        }
    }

    /// <summary>
    /// True when the store is shared with other instances: a visitor in memory is checked against the store on each use,
    /// so whoever records an event must wait until it is stored before answering (the site's tracker does).
    /// </summary>
    public bool ReadsThrough => _versions is not null;

    /// <summary>How many visitors are held in memory now.</summary>
    public int InMemory => _visitors.Count;

    /// <summary>Whether <paramref name="visitorId"/> is held in memory.</summary>
    public bool IsInMemory(string visitorId) => _visitors.ContainsKey(visitorId);

    /// <summary>
    /// Applies an event of <paramref name="visitorId"/> at <paramref name="at"/> and returns what to store. A stage
    /// is given for <see cref="JourneyEventType.DeclaredStage"/> only (its key, compared as the stage model does);
    /// anything else is refused without changing the visitor.
    /// </summary>
    public async Task<RecordOutcome> RecordAsync(string visitorId, DateTimeOffset at, JourneyEventType type, string? contentId, string? declaredStage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        var status = Check(type, declaredStage, out var declared);
        if (status != RecordStatus.Recorded)
        {
            return RecordOutcome.Refused(status);
        }

        var journey = await JourneyOfAsync(visitorId);
        Current().Index.TryFind(contentId, out var signal);
        List<StoredTransition> transitions;
        lock (journey)
        {
            // The event will be stored: counted now, so that this instance's next check agrees with the store once it is.
            journey.Version = journey.Version with { Events = journey.Version.Events + 1 };
            journey.History.Record(type, contentId);
            var lockedBefore = LockedStageAt(journey, journey.State.LastEventAt ?? at, out var before);
            var changes = _engine.Apply(journey.State, at, type, signal, declared);
            transitions = new List<StoredTransition>(changes.Count);
            if (lockedBefore | LockedStageAt(journey, journey.State.LastEventAt ?? at, out var after))
            {
                // A lock hides inference's own moves: the only change is onto the locked stage, or off it once it ends.
                if (after != before)
                {
                    transitions.Add(new StoredTransition(visitorId, before?.Key, after!.Key, lockedBefore ? journey.Lock!.Until : at, contentId, lockedBefore ? LockExpired : StageLocked));
                }
            }
            else
            {
                foreach (var change in changes)
                {
                    transitions.Add(new StoredTransition(visitorId, change.From?.Key, change.To.Key, change.At, change.ContentId, change.Reason.ToString()));
                }
            }
        }

        return new RecordOutcome(RecordStatus.Recorded, new JourneyEvent(visitorId, at, type, contentId, declared?.Key), transitions);
    }

    /// <summary>
    /// Whether <see cref="RecordAsync"/> would apply an event of <paramref name="type"/> with <paramref name="declaredStage"/>:
    /// <see cref="RecordStatus.Recorded"/> when it would, otherwise why not. Lets an endpoint answer before it knows the visitor.
    /// </summary>
    public RecordStatus Check(JourneyEventType type, string? declaredStage) => Check(type, declaredStage, out _);

    private RecordStatus Check(JourneyEventType type, string? declaredStage, out Stage? declared)
    {
        declared = null;
        if (type == JourneyEventType.DeclaredStage)
        {
            return (declared = _engine.Model.Stages.FindStage(declaredStage)) is null ? RecordStatus.UnknownStage : RecordStatus.Recorded;
        }

        return string.IsNullOrEmpty(declaredStage) ? RecordStatus.Recorded : RecordStatus.UnexpectedStage;
    }

    /// <summary>
    /// Notes that <paramref name="visitorId"/> was shown the call to action <paramref name="offerId"/> at <paramref name="at"/>;
    /// false when it was already shown within <paramref name="window"/>, which is then the same impression.
    /// </summary>
    public async Task<bool> TryNoteImpressionAsync(string visitorId, string offerId, DateTimeOffset at, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(offerId);
        var journey = await JourneyOfAsync(visitorId);
        lock (journey)
        {
            if (journey.Impressions.TryGetValue(offerId, out var last) && at - last < window)
            {
                return false;
            }

            journey.Impressions[offerId] = at;
            return true;
        }
    }

    /// <summary>Where <paramref name="visitorId"/> stands at <paramref name="at"/>.</summary>
    public async Task<StageEstimate> EstimateAsync(string visitorId, DateTimeOffset at)
    {
        var journey = await JourneyOfAsync(visitorId);
        lock (journey)
        {
            return StageLock.Over(_engine.Estimate(journey.State, at), journey.Lock, _engine.Model.Stages);
        }
    }

    /// <summary>
    /// Tells the visitors held in memory that their lead's stage lock changed (set, replaced, or removed when
    /// <paramref name="stageLock"/> is null); visitors not in memory read it from the store when rebuilt.
    /// </summary>
    public async Task ApplyLockAsync(IEnumerable<string> visitorIds, StageLock? stageLock)
    {
        ArgumentNullException.ThrowIfNull(visitorIds);
        foreach (var id in visitorIds)
        {
            if (!_visitors.TryGetValue(id, out var entry))
            {
                continue;
            }

            // Waiting for a rebuild in flight: it may have read the store before the lock was written.
            var journey = await entry.Value;
            lock (journey)
            {
                journey.Lock = stageLock;
                journey.Version = journey.Version with { LockSetAt = stageLock?.SetAt };
            }
        }
    }

    /// <summary>The <see cref="StoredTransition.Reason"/> of a visitor's move onto their lead's locked stage.</summary>
    public const string StageLocked = "StageLocked";

    /// <summary>The <see cref="StoredTransition.Reason"/> of a visitor's move off a locked stage once the lock has ended.</summary>
    public const string LockExpired = "StageLockExpired";

    // The stage in force at a moment (the locked one while the lock holds), and whether the lock set it.
    private bool LockedStageAt(Journey journey, DateTimeOffset at, out Stage? stage)
    {
        var held = journey.Lock?.HeldStage(at, _engine.Model.Stages);
        stage = held ?? _engine.StageAt(journey.State, at);
        return held is not null;
    }

    /// <summary>The visitor as recommendations need them at <paramref name="at"/>: their stage and a copy of their reading history.</summary>
    public async Task<VisitorContext> ContextAsync(string visitorId, DateTimeOffset at, string language, ContentItem? page)
    {
        var journey = await JourneyOfAsync(visitorId);
        lock (journey)
        {
            return VisitorContext.For(language, page, StageLock.Over(_engine.Estimate(journey.State, at), journey.Lock, _engine.Model.Stages).Stage, journey.History);
        }
    }

    /// <summary>
    /// Merges the journeys of <paramref name="others"/> (the same person's other browsers or devices) into
    /// <paramref name="visitorId"/>. The stored events stay under their own ids; a later rebuild of
    /// <paramref name="visitorId"/> alone does not include them.
    /// </summary>
    public async Task MergeAsync(string visitorId, IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return;
        }

        var journey = await JourneyOfAsync(visitorId);
        foreach (var otherId in others.Where(o => o != visitorId).Distinct(StringComparer.Ordinal))
        {
            var other = await JourneyOfAsync(otherId);
            // Merges are rare: one at a time, so two merges in opposite directions cannot take the two locks in opposite orders.
            lock (_mergeLock)
            lock (other)
            {
                lock (journey)
                {
                    _engine.Merge(journey.State, other.State);
                    journey.History.MergeFrom(other.History);
                }
            }
        }
    }

    /// <summary>Forgets a visitor held in memory (after a refusal of consent).</summary>
    public void Forget(string visitorId) => _visitors.TryRemove(visitorId, out _);

    private async Task<Journey> JourneyOfAsync(string visitorId)
    {
        var created = false;
        var entry = _visitors.GetOrAdd(visitorId, id =>
        {
            created = true;
            return new Lazy<Task<Journey>>(() => RebuildAsync(id));
        });
        var journey = await SettleAsync(visitorId, entry);
        if (_versions is not null && !created)
        {
            // Another instance may have stored an event or a lock of this visitor since this one last looked.
            var stored = await _versions.VersionOfAsync(visitorId, CancellationToken.None);
            VisitorVersion held;
            lock (journey)
            {
                held = journey.Version;
            }

            if (stored != held)
            {
                var fresh = new Lazy<Task<Journey>>(() => RebuildAsync(visitorId));
                entry = _visitors.TryUpdate(visitorId, fresh, entry) ? fresh : _visitors.GetOrAdd(visitorId, fresh);
                journey = await SettleAsync(visitorId, entry);
            }
        }

        if (_visitors.Count > _maxVisitors)
        {
            Trim();
        }

        return journey;
    }

    private async Task<Journey> SettleAsync(string visitorId, Lazy<Task<Journey>> entry)
    {
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed rebuild (the store was unreachable) must not stay cached: the next request tries again.
            _visitors.TryRemove(KeyValuePair.Create(visitorId, entry));
            throw;
        }
    }

    /// <summary>
    /// Drops the least recently active tenth of the visitors held in memory. Sorting happens once per that many new
    /// visitors, not per request.
    /// </summary>
    private void Trim()
    {
        lock (_visitors)
        {
            if (_visitors.Count <= _maxVisitors)
            {
                return;
            }

            var keep = Math.Max(1, _maxVisitors - (_maxVisitors / 10));
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

    private async Task<Journey> RebuildAsync(string visitorId)
    {
        var journey = new Journey(_engine.NewVisitor(), new ReadingHistory());
        if (_locks is not null)
        {
            journey.Lock = await _locks.ForVisitorAsync(visitorId, CancellationToken.None);
        }

        var replayer = Current().Replayer;
        var tally = default(ReplayCounts);
        var stored = await _store.EventsOfAsync(visitorId, CancellationToken.None);
        journey.Version = new VisitorVersion(stored.Count + stored.UnknownTypes, journey.Lock?.SetAt);
        tally.UnknownTypes += stored.UnknownTypes;
        foreach (var e in stored)
        {
            journey.History.Record(e.Type, e.Content);
            if (e.Type == JourneyEventType.CtaImpression && e.Content is { } shown)
            {
                journey.Impressions[shown] = e.Timestamp;
            }

            replayer.Apply(journey.State, e, ref tally);
        }

        lock (_countsLock)
        {
            _replayed.Events += tally.Events;
            _replayed.UnknownContent += tally.UnknownContent;
            _replayed.UnknownStages += tally.UnknownStages;
            _replayed.UnknownTypes += tally.UnknownTypes;
        }

        return journey;
    }

    private Signals Current()
    {
        var snapshot = _content.Current;
        var current = Volatile.Read(ref _signals);
        var model = _engine.Model;
        if (current is not null && ReferenceEquals(current.Snapshot, snapshot) && ReferenceEquals(current.Model, model))
        {
            return current;
        }

        // A new snapshot, or a re-fitted model put in force: the signals index content in the model's catalogue.
        var index = ContentSignalIndex.Create(model, snapshot.Items);
        current = new Signals(snapshot, model, index, new JourneyReplayer(_engine, index));
        Volatile.Write(ref _signals, current);
        return current;
    }

    /// <summary>One visitor in memory: the inference state and the reading history, both guarded by locking this object.</summary>
    private sealed record Journey(VisitorState State, ReadingHistory History)
    {
        /// <summary>When each call to action was last recorded as shown to this visitor.</summary>
        public Dictionary<string, DateTimeOffset> Impressions { get; } = new(StringComparer.Ordinal);

        /// <summary>The stage lock of the visitor's lead, held or ended; null when there is none.</summary>
        public StageLock? Lock { get; set; }

        /// <summary>What this instance believes is stored of the visitor, compared with the store when it is shared.</summary>
        public VisitorVersion Version { get; set; }
    }

    /// <summary>The content signals, their replayer and the snapshot they were built from, swapped as one reference.</summary>
    private sealed record Signals(ContentSnapshot Snapshot, CompiledInferenceModel Model, ContentSignalIndex Index, JourneyReplayer Replayer);
}
