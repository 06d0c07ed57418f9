using JourneyContent.Stages;

namespace JourneyContent.Inference;

/// <summary>Why a visitor's stage changed.</summary>
public enum StageChangeReason
{
    /// <summary>The visitor's reading: a challenger led the current stage by the margin (or the first evidence arrived).</summary>
    Inference,

    /// <summary>An explicit signal: a declared stage, a trial sign-up or demo request, a purchase or customer flag.</summary>
    ExplicitSignal,

    /// <summary>An explicit signal's period ended and the inferred stage took over again.</summary>
    ExplicitSignalExpired,

    /// <summary>Another visitor's state was merged in (the same lead on a second device).</summary>
    Merge,
}

/// <summary>A change of a visitor's stage, to be stored by the caller.</summary>
/// <param name="From">The stage before; null for the first stage a visitor is given.</param>
/// <param name="To">The stage after.</param>
/// <param name="At">When it changed (UTC): the triggering event's time, or the end of an explicit signal's period.</param>
/// <param name="ContentId">The content whose event triggered the change, or null (signals without content, expiry, merge).</param>
/// <param name="Reason">Why it changed.</param>
public readonly record struct StageTransition(Stage? From, Stage To, DateTimeOffset At, string? ContentId, StageChangeReason Reason);

/// <summary>The stage changes caused by one update: none, one, or two (an explicit signal's expiry, then the event's own effect).</summary>
/// <remarks>A value type so that updates report transitions without allocating; <c>foreach</c> over it allocates nothing
/// (using it through <see cref="IEnumerable{T}"/>, for example with LINQ, boxes it).</remarks>
public readonly record struct StageChanges : IReadOnlyList<StageTransition>
{
    private readonly StageTransition _first;
    private readonly StageTransition _second;

    private StageChanges(StageTransition first, StageTransition second, int count)
    {
        _first = first;
        _second = second;
        Count = count;
    }

    /// <summary>How many changes, 0 to 2.</summary>
    public int Count { get; }

    /// <summary>True when the stage changed at least once.</summary>
    public bool Changed => Count > 0;

    /// <summary>The change at <paramref name="index"/>, in time order.</summary>
    public StageTransition this[int index] => (uint)index < (uint)Count
        ? (index == 0 ? _first : _second)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "No such change.");

    /// <summary>The last change, or null when there was none.</summary>
    public StageTransition? Last => Count == 0 ? null : this[Count - 1];

    /// <summary>Enumerates the changes in time order, without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<StageTransition> IEnumerable<StageTransition>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal StageChanges With(StageTransition transition) => Count switch
    {
        0 => new StageChanges(transition, default, 1),
        1 => new StageChanges(_first, transition, 2),
        _ => throw new InvalidOperationException("An update changes the stage at most twice."),
    };

    /// <summary>Enumerates <see cref="StageChanges"/>.</summary>
    public struct Enumerator : IEnumerator<StageTransition>
    {
        private readonly StageChanges _changes;
        private int _index;

        internal Enumerator(StageChanges changes)
        {
            _changes = changes;
            _index = -1;
        }

        /// <summary>The current change.</summary>
        public readonly StageTransition Current => _changes[_index];

        readonly object System.Collections.IEnumerator.Current => Current;

        /// <summary>Moves to the next change.</summary>
        public bool MoveNext() => ++_index < _changes.Count;

        /// <summary>Goes back to before the first change.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing.</summary>
        public readonly void Dispose()
        {
        }
    }
}
