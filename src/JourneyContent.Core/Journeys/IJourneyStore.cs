using JourneyContent.Tracking;

namespace JourneyContent.Journeys;

/// <summary>A stage change as stored for the reports: who moved, from where to where, when, and what they were reading.</summary>
public sealed record StoredTransition(string VisitorId, string? FromStage, string ToStage, DateTimeOffset At, string? ContentId, string Reason);

/// <summary>Where tracked events and stage transitions are kept (SQLite in the standalone site, PostgreSQL for larger sites).</summary>
public interface IJourneyStore
{
    /// <summary>Stores a batch of events and transitions in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<JourneyEvent> events, IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken);

    /// <summary>One visitor's events, oldest first.</summary>
    Task<IReadOnlyList<JourneyEvent>> EventsOfAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>One visitor's stage transitions, oldest first.</summary>
    Task<IReadOnlyList<StoredTransition>> TransitionsOfAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>How many events are stored.</summary>
    Task<long> CountEventsAsync(CancellationToken cancellationToken);
}

/// <summary>Told about stage changes after they are stored, off the request path (for example to move the leads of those visitors).</summary>
public interface IStageTransitionObserver
{
    /// <summary>Handles one stored batch of transitions, oldest first; a failure is logged and does not affect tracking.</summary>
    Task OnStoredAsync(IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken);
}
