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

    internal void OnQueued()
    {
        Interlocked.Increment(ref _queuedTotal);
        _queued.Add(1);
    }

    internal void OnDropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    internal void OnWritten(int count)
    {
        Interlocked.Add(ref _writtenTotal, count);
        _written.Add(count);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
