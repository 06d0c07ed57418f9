using JourneyContent.Tracking;

namespace JourneyContent.Journeys;

/// <summary>A stage change as stored for the reports: who moved, from where to where, when, and what they were reading.</summary>
public sealed record StoredTransition(string VisitorId, string? FromStage, string ToStage, DateTimeOffset At, string? ContentId, string Reason);

/// <summary>Where tracked events and stage transitions are kept (SQLite in the standalone site, PostgreSQL for larger sites).</summary>
public interface IJourneyStore
{
    /// <summary>Stores a batch of events and transitions in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<JourneyEvent> events, IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken);

    /// <summary>One visitor's events, oldest first, without the stored rows whose event type this version does not know (counted in <see cref="StoredEvents.UnknownTypes"/>).</summary>
    Task<StoredEvents> EventsOfAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>One visitor's stage transitions, oldest first.</summary>
    Task<IReadOnlyList<StoredTransition>> TransitionsOfAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>How many events are stored.</summary>
    Task<long> CountEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Retention: removes the events and stage transitions stored before <paramref name="cutoff"/>, and returns how many
    /// events were removed.
    /// </summary>
    /// <remarks>A store that keeps events in monthly partitions removes whole months only: the events of the cutoff's own
    /// month stay until a pass after that month has ended.</remarks>
    Task<long> RemoveBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Every stored event, visitor after visitor and each visitor's oldest first, streamed (to fit the stage model on the whole history).</summary>
    /// <remarks>Rows whose event type this version does not know are left out, as in <see cref="EventsOfAsync"/>.</remarks>
    IAsyncEnumerable<JourneyEvent> ReadAllEventsAsync(CancellationToken cancellationToken);
}

/// <summary>A visitor's stored events that this version can read, and how many rows it could not.</summary>
/// <remarks>
/// A row whose type is unknown (written by a newer version, or an event type since removed) cannot become a
/// <see cref="JourneyEvent"/>: it is left out and counted, so that a replay reports it instead of failing or hiding it.
/// </remarks>
/// <param name="events">The readable events, oldest first.</param>
/// <param name="unknownTypes">How many stored rows had an event type this version does not know.</param>
public sealed class StoredEvents(IReadOnlyList<JourneyEvent> events, int unknownTypes) : IReadOnlyList<JourneyEvent>
{
    /// <summary>No events.</summary>
    public static StoredEvents Empty { get; } = new([], 0);

    /// <summary>How many stored rows had an event type this version does not know; they are not in the list.</summary>
    public int UnknownTypes { get; } = unknownTypes >= 0 ? unknownTypes : throw new ArgumentOutOfRangeException(nameof(unknownTypes));

    /// <inheritdoc />
    public int Count => events.Count;

    /// <inheritdoc />
    public JourneyEvent this[int index] => events[index];

    /// <inheritdoc />
    public IEnumerator<JourneyEvent> GetEnumerator() => events.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Told about stage changes after they are stored, off the request path (for example to move the leads of those visitors).</summary>
public interface IStageTransitionObserver
{
    /// <summary>Handles one stored batch of transitions, oldest first; a failure is logged and does not affect tracking.</summary>
    Task OnStoredAsync(IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken);
}
