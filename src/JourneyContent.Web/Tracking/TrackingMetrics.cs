using System.Diagnostics.Metrics;

namespace JourneyContent.Web.Tracking;

/// <summary>Counts what the tracking pipeline does, as .NET metrics (meter <c>JourneyContent.Tracking</c>) and as totals for the admin page.</summary>
public sealed class TrackingMetrics : IDisposable
{
    /// <summary>The meter's name, for <c>dotnet-counters</c> or OpenTelemetry.</summary>
    public const string MeterName = "JourneyContent.Tracking";

    private readonly Meter _meter;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private long _queuedTotal;
    private long _writtenTotal;
    private long _droppedTotal;
    private long _settledTotal;
    private readonly Lock _waitersGate = new();
    private readonly List<(long Queued, TaskCompletionSource Settled)> _waiters = [];

    /// <summary>Creates the counters.</summary>
    public TrackingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _queued = _meter.CreateCounter<long>("journeycontent.events.queued", "{event}", "Events accepted into the queue");
        _written = _meter.CreateCounter<long>("journeycontent.events.written", "{event}", "Events stored");
        _dropped = _meter.CreateCounter<long>("journeycontent.events.dropped", "{event}", "Events dropped because the queue was full");
    }

    /// <summary>Events queued since start.</summary>
    public long Queued => Interlocked.Read(ref _queuedTotal);

    /// <summary>Events stored since start.</summary>
    public long Written => Interlocked.Read(ref _writtenTotal);

    /// <summary>Events dropped since start.</summary>
    public long Dropped => Interlocked.Read(ref _droppedTotal);

    /// <summary>
    /// Completes when every event queued before the call has been stored, or dropped by a failed write: what a test, a
    /// command or a shutdown awaits instead of polling the counters.
    /// </summary>
    public Task WhenSettledAsync(CancellationToken cancellationToken)
    {
        var queued = Queued;
        lock (_waitersGate)
        {
            if (Interlocked.Read(ref _settledTotal) >= queued)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((queued, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    internal void OnQueued()
    {
        Interlocked.Increment(ref _queuedTotal);
        _queued.Add(1);
    }

    /// <summary>An event refused at the door (the queue was full): it was never queued, so it settles nothing.</summary>
    internal void OnDropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    /// <summary>Queued events given up after failed writes.</summary>
    internal void OnBatchDropped(int count)
    {
        Interlocked.Add(ref _droppedTotal, count);
        _dropped.Add(count);
        Settle(count);
    }

    internal void OnWritten(int count)
    {
        Interlocked.Add(ref _writtenTotal, count);
        _written.Add(count);
        Settle(count);
    }

    private void Settle(int count)
    {
        var settled = Interlocked.Add(ref _settledTotal, count);
        lock (_waitersGate)
        {
            _waiters.RemoveAll(w =>
            {
                if (w.Queued > settled)
                {
                    return false;
                }

                w.Settled.TrySetResult();
                return true;
            });
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
