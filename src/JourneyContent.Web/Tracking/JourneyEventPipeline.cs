using System.Threading.Channels;
using JourneyContent.Journeys;
using JourneyContent.Tracking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tracking;

/// <summary>An event and the stage transitions it caused, on their way to the store.</summary>
internal sealed record QueuedEvent(JourneyEvent Event, IReadOnlyList<StoredTransition> Transitions);

/// <summary>The bounded queue between requests and the database.</summary>
/// <remarks>A full queue drops the event and counts it: a request never waits for storage.</remarks>
public sealed class JourneyEventQueue
{
    private readonly Channel<QueuedEvent> _channel;
    private readonly TrackingMetrics _metrics;

    /// <summary>Creates the queue with the configured capacity.</summary>
    public JourneyEventQueue(IOptions<TrackingOptions> options, TrackingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _channel = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    internal ChannelReader<QueuedEvent> Reader => _channel.Reader;

    /// <summary>How many events wait to be written.</summary>
    public int Pending => _channel.Reader.Count;

    internal bool TryEnqueue(QueuedEvent item)
    {
        if (_channel.Writer.TryWrite(item))
        {
            _metrics.OnQueued();
            return true;
        }

        _metrics.OnDropped();
        return false;
    }

    internal void Complete() => _channel.Writer.TryComplete();
}

/// <summary>Writes queued events to the store in batches, and flushes everything on a graceful shutdown.</summary>
internal sealed class JourneyEventWriter(
    JourneyEventQueue queue, IJourneyStore store, TrackingMetrics metrics, IOptions<TrackingOptions> options, ILogger<JourneyEventWriter> logger,
    IEnumerable<IStageTransitionObserver> observers)
    : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop accepting, then let the loop drain what is queued before the host goes down.
        queue.Complete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var events = new List<JourneyEvent>(batchSize);
        var transitions = new List<StoredTransition>();
        // The loop ends only when the queue is completed and empty, so shutdown never loses queued events.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (events.Count < batchSize && queue.Reader.TryRead(out var item))
            {
                events.Add(item.Event);
                transitions.AddRange(item.Transitions);
            }

            await WriteAsync(events, transitions);
            events.Clear();
            transitions.Clear();
        }
    }

    private async Task NotifyAsync(List<StoredTransition> transitions)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        foreach (var observer in observers)
        {
            try
            {
                await observer.OnStoredAsync([.. transitions], CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Observer} failed on {Count} stage transitions", observer.GetType().Name, transitions.Count);
            }
        }
    }

    private async Task WriteAsync(List<JourneyEvent> events, List<StoredTransition> transitions)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.AppendAsync(events, transitions, CancellationToken.None);
                // Observers run before the batch counts as written, so whoever waits for the writer also waits for them.
                await NotifyAsync(transitions);
                metrics.OnWritten(events.Count);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Writing {Count} events failed (attempt {Attempt}); retrying", events.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Dropped {Count} events after 3 failed writes", events.Count);
                for (var i = 0; i < events.Count; i++)
                {
                    metrics.OnDropped();
                }

                return;
            }
        }
    }
}
