using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>A visitor's stage at the end of a replay.</summary>
/// <param name="VisitorId">The visitor's id.</param>
/// <param name="Stage">The stage, or null when nothing is known.</param>
/// <param name="Confidence">The confidence in [0, 1], as <see cref="StageEstimate.Confidence"/>.</param>
/// <param name="Source">Whether the stage is inferred or set by an explicit signal.</param>
/// <param name="LastEventAt">The visitor's last event (UTC).</param>
public sealed record VisitorOutcome(string VisitorId, Stage? Stage, double Confidence, StageSource Source, DateTimeOffset LastEventAt);

/// <summary>A stage change of one visitor during a replay.</summary>
/// <param name="VisitorId">The visitor's id.</param>
/// <param name="Transition">The change.</param>
public readonly record struct VisitorTransition(string VisitorId, StageTransition Transition);

/// <summary>What a replay found: each visitor's final stage, the transitions, and the events it could not use.</summary>
public sealed record ReplayResult
{
    internal ReplayResult(IReadOnlyList<VisitorOutcome> visitors, IReadOnlyList<VisitorTransition> transitions, long events, long unknownContent, long unknownStages, DateTimeOffset? asOf)
    {
        Visitors = visitors;
        Transitions = transitions;
        EventCount = events;
        UnknownContentCount = unknownContent;
        UnknownStageCount = unknownStages;
        AsOf = asOf;
    }

    /// <summary>Each visitor's final state, by visitor id (ordinal).</summary>
    public IReadOnlyList<VisitorOutcome> Visitors { get; }

    /// <summary>Every stage change, in the order the events were replayed; empty when they were streamed to a callback.</summary>
    public IReadOnlyList<VisitorTransition> Transitions { get; }

    /// <summary>Events replayed.</summary>
    public long EventCount { get; }

    /// <summary>Events whose content is not in the index: applied without content, so they only move time on.</summary>
    public long UnknownContentCount { get; }

    /// <summary>Declared-stage events naming a stage the model does not know: applied as events without a stage.</summary>
    public long UnknownStageCount { get; }

    /// <summary>The moment the final states are estimated at (UTC); null when there were no events.</summary>
    public DateTimeOffset? AsOf { get; }
}

/// <summary>Runs the inference engine over a stored history of events, for back-filling stages or evaluating settings.</summary>
/// <remarks>
/// <para>Streaming: the history is read once, in order, and only one <see cref="VisitorState"/> per visitor is kept
/// (in a dictionary by visitor id). Per event the cost is one visitor lookup, one content lookup and one
/// <see cref="StageInferenceEngine.Apply"/>; the only allocations are a state for each new visitor and, when
/// transitions are collected, the growth of their list.</para>
/// <para>The history should be in time order for each visitor (visitors may be interleaved); an event older than its
/// visitor's previous one is still applied, decayed as <see cref="StageInferenceEngine.Apply"/> describes.</para>
/// <para>Final states are estimated at the given moment, or at the latest event of the whole history when none is
/// given, so that visitors who left long ago show their faded confidence.</para>
/// </remarks>
public sealed class JourneyReplayer
{
    private readonly StageInferenceEngine _engine;
    private readonly ContentSignalIndex _content;

    /// <summary>Creates a replayer.</summary>
    /// <param name="engine">The engine, whose model must be the one <paramref name="content"/> was built with.</param>
    /// <param name="content">The site's content signals, to resolve each event's content id or slug.</param>
    public JourneyReplayer(StageInferenceEngine engine, ContentSignalIndex content)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(content);
        _engine = engine;
        _content = content;
    }

    /// <summary>Replays <paramref name="history"/> and collects every transition.</summary>
    /// <param name="history">The events, in time order per visitor.</param>
    /// <param name="asOf">When to estimate the final states; the latest event's time when null.</param>
    public ReplayResult Replay(IEnumerable<JourneyEvent> history, DateTimeOffset? asOf = null)
    {
        var transitions = new List<VisitorTransition>();
        return Run(history, transitions.Add, asOf, transitions);
    }

    /// <summary>Replays <paramref name="history"/>, handing each transition to <paramref name="onTransition"/> as it happens instead of keeping it.</summary>
    /// <param name="history">The events, in time order per visitor.</param>
    /// <param name="onTransition">Called for each stage change, in replay order.</param>
    /// <param name="asOf">When to estimate the final states; the latest event's time when null.</param>
    public ReplayResult Replay(IEnumerable<JourneyEvent> history, Action<VisitorTransition> onTransition, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(onTransition);
        return Run(history, onTransition, asOf, []);
    }

    private ReplayResult Run(IEnumerable<JourneyEvent> history, Action<VisitorTransition> onTransition, DateTimeOffset? asOf, List<VisitorTransition> kept)
    {
        ArgumentNullException.ThrowIfNull(history);
        var engine = _engine;
        var visitors = new Dictionary<string, VisitorState>(StringComparer.Ordinal);
        var tally = default(ReplayCounts);
        long latest = long.MinValue;
        foreach (var e in history)
        {
            if (e.VisitorId is null)
            {
                throw new ArgumentException($"Event {tally.Events} has no visitor id (a default JourneyEvent).", nameof(history));
            }

            latest = Math.Max(latest, e.Timestamp.UtcTicks);
            ref var visitor = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(visitors, e.VisitorId, out _);
            visitor ??= engine.NewVisitor();
            foreach (var transition in Apply(visitor, e, ref tally))
            {
                onTransition(new VisitorTransition(e.VisitorId, transition));
            }
        }

        DateTimeOffset? at = asOf ?? (tally.Events == 0 ? null : new DateTimeOffset(latest, TimeSpan.Zero));
        var outcomes = new List<VisitorOutcome>(visitors.Count);
        foreach (var (id, visitor) in visitors)
        {
            // A visitor seen only through impressions of calls to action is one about whom nothing is known: no outcome.
            if (visitor.LastEventAt is not { } last || at is not { } asAt)
            {
                continue;
            }

            var (stage, confidence, source) = engine.StageWithConfidence(visitor, asAt);
            outcomes.Add(new VisitorOutcome(id, stage, confidence, source, last));
        }

        outcomes.Sort((a, b) => string.CompareOrdinal(a.VisitorId, b.VisitorId));
        return new ReplayResult(outcomes, kept, tally.Events, tally.UnknownContent, tally.UnknownStages, at);
    }

    /// <summary>
    /// Applies one stored event to <paramref name="visitor"/>: the step every replay takes, whether of a whole history
    /// or of one returning visitor (<see cref="VisitorJourneys"/>), so both read stored events by the same rules.
    /// </summary>
    /// <remarks>
    /// A stored event may no longer fit the configuration: its content was removed (applied without content, so it
    /// only moves time on) or the stage it declares was removed from the funnel (its declaration is skipped and it
    /// counts as bare activity). Both are counted in <paramref name="tally"/>; neither throws, because a visitor's
    /// history outlives any one configuration.
    /// </remarks>
    internal StageChanges Apply(VisitorState visitor, in JourneyEvent e, ref ReplayCounts tally)
    {
        tally.Events++;
        ContentSignal? content = null;
        if (e.Content is not null && !_content.TryFind(e.Content, out content))
        {
            tally.UnknownContent++;
        }

        var type = e.Type;
        Stage? declared = null;
        if (type == JourneyEventType.DeclaredStage && (declared = _engine.Model.Stages.FindStage(e.DeclaredStage)) is null)
        {
            tally.UnknownStages++;
            type = JourneyEventType.View;
            content = null;
        }

        return _engine.Apply(visitor, e.Timestamp, type, content, declared);
    }
}

/// <summary>How many stored events a replay used, and how many of them no longer fit the configuration.</summary>
/// <remarks>A mutable value so that a replay of millions of events counts without allocating; copies are snapshots.</remarks>
public record struct ReplayCounts
{
    /// <summary>Events replayed.</summary>
    public long Events { get; internal set; }

    /// <summary>Events whose content is not in the index: applied without content.</summary>
    public long UnknownContent { get; internal set; }

    /// <summary>Declared-stage events naming a stage the model does not know: their declaration was skipped.</summary>
    public long UnknownStages { get; internal set; }

    /// <summary>Stored rows whose event type this version does not know: left out by the store, never applied.</summary>
    public long UnknownTypes { get; internal set; }
}
