using System.Threading.Channels;
using JourneyContent.Journeys;
using JourneyContent.Tracking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tracking;

/// <summary>An event and the stage transitions it caused, on their way to the store.</summary>
/// <param name="Event">The event.</param>
/// <param name="Transitions">The stage changes it caused.</param>
/// <param name="Stored">Completed with true once the batch holding the event is committed, false when it was dropped;
/// null when nobody waits (a site on a store of its own).</param>
internal sealed record QueuedEvent(JourneyEvent Event, IReadOnlyList<StoredTransition> Transitions, TaskCompletionSource<bool>? Stored = null);

/// <summary>The bounded queue between requests and the database, and what is known of the store's ability to keep events.</summary>
/// <remarks>
/// <para>A full queue drops the event and counts it: a request never waits for storage.</para>
/// <para>Events are written in the background, so a request cannot see a write fail. Instead the writer reports each
/// batch: after one it could not store, <see cref="CannotKeep"/> is true for <see cref="TrackingOptions.StoreRetryAfter"/>
/// (or until a later batch is stored), and the events endpoint answers 503 rather than accepting what would be lost.</para>
/// </remarks>
public sealed class JourneyEventQueue
{
    private readonly Channel<QueuedEvent> _channel;
    private readonly TrackingMetrics _metrics;
    private readonly int _capacity;
    private readonly TimeSpan _retryAfter;
    private long _refusingUntilTicks;

    /// <summary>Creates the queue with the configured capacity.</summary>
    public JourneyEventQueue(IOptions<TrackingOptions> options, TrackingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _capacity = Math.Max(1, options.Value.QueueCapacity);
        _retryAfter = options.Value.StoreRetryAfter > TimeSpan.Zero ? options.Value.StoreRetryAfter : TimeSpan.FromSeconds(1);
        _channel = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>
    /// Whether an event offered at <paramref name="now"/> would be lost: the queue is full, or the last batch could not be
    /// stored less than <see cref="TrackingOptions.StoreRetryAfter"/> ago. <paramref name="retryAfter"/> says when to try again.
    /// </summary>
    public bool CannotKeep(DateTimeOffset now, out TimeSpan retryAfter)
    {
        var until = Interlocked.Read(ref _refusingUntilTicks);
        if (until > now.UtcTicks)
        {
            retryAfter = TimeSpan.FromTicks(until - now.UtcTicks);
            return true;
        }

        retryAfter = TimeSpan.FromSeconds(1);
        return _channel.Reader.Count >= _capacity;
    }

    /// <summary>The writer could not store a batch at <paramref name="at"/>: refuse events for a while.</summary>
    internal void OnBatchFailed(DateTimeOffset at) => Interlocked.Exchange(ref _refusingUntilTicks, (at + _retryAfter).UtcTicks);

    /// <summary>The writer stored a batch: the store keeps events again.</summary>
    internal void OnBatchStored() => Interlocked.Exchange(ref _refusingUntilTicks, 0);

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

    /// <summary>An event lost before it reached the queue (its visitor could not be read): counted with the dropped ones.</summary>
    internal void OnUnrecorded() => _metrics.OnDropped();
}

/// <summary>Writes queued events to the store in batches, and flushes everything on a graceful shutdown.</summary>
internal sealed class JourneyEventWriter(
    JourneyEventQueue queue, IJourneyStore store, TrackingMetrics metrics, IOptions<TrackingOptions> options, ILogger<JourneyEventWriter> logger,
    IEnumerable<IStageTransitionObserver> observers, TimeProvider time)
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
        var waiting = new List<TaskCompletionSource<bool>>();
        // The loop ends only when the queue is completed and empty, so shutdown never loses queued events.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (events.Count < batchSize && queue.Reader.TryRead(out var item))
            {
                events.Add(item.Event);
                transitions.AddRange(item.Transitions);
                if (item.Stored is { } stored)
                {
                    waiting.Add(stored);
                }
            }

            // Group commit: whoever waits for an event hears of it with the rest of its batch.
            var written = await WriteAsync(events, transitions);
            foreach (var stored in waiting)
            {
                stored.TrySetResult(written);
            }

            events.Clear();
            transitions.Clear();
            waiting.Clear();
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

    private async Task<bool> WriteAsync(List<JourneyEvent> events, List<StoredTransition> transitions)
    {
        var attempts = Math.Max(1, options.Value.WriteAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.AppendAsync(events, transitions, CancellationToken.None);
                queue.OnBatchStored();
                // Observers run before the batch counts as written, so whoever waits for the writer also waits for them.
                await NotifyAsync(transitions);
                metrics.OnWritten(events.Count);
                return true;
            }
            catch (Exception ex) when (attempt < attempts && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Writing {Count} events failed (attempt {Attempt}); retrying", events.Count, attempt);
                await Task.Delay(options.Value.WriteRetryDelay * attempt, time);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Dropped {Count} events after {Attempts} failed writes; refusing new events for {RetryAfter}", events.Count, attempts, options.Value.StoreRetryAfter);
                // Refuse before counting the drop, so whoever sees the drop also sees the refusal.
                queue.OnBatchFailed(time.GetUtcNow());
                metrics.OnBatchDropped(events.Count);

                return false;
            }
        }
    }
}
