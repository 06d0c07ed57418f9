using System.Threading.Channels;
using JourneyContent.Delivery;
using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Delivery;

/// <summary>
/// The one worker of the outbox: claims due messages of every channel that has an <see cref="IOutboxDelivery"/>, hands each
/// to its channel's delivery, and records the result with that channel's <see cref="OutboxRetryPolicy"/>.
/// </summary>
/// <remarks>
/// <para>It polls every <see cref="OutboxOptions.PollInterval"/> (on the <see cref="TimeProvider"/>) and at once when
/// <see cref="IOutboxSignal.MessagesQueued"/> is called, so a message just enqueued leaves within milliseconds while
/// retries still happen without anyone asking.</para>
/// <para>Nothing escapes the loop: a broken database or delivery is logged and tried again at the next poll, because a
/// dead worker would silently stop all mail and webhooks until the site restarts.</para>
/// <para>A message whose channel has no delivery registered is never claimed: it stays pending (and is logged once) until a
/// delivery for it is registered.</para>
/// <para>Delivery is at least once: a crash between a delivery and its record delivers the message again, with the same
/// idempotency id, once its lease ends.</para>
/// </remarks>
public sealed class OutboxWorker : BackgroundService, IOutboxSignal
{
    // Bounded to one signal: ten wake-ups during a pass need one more pass, not ten.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IOutbox _outbox;
    private readonly Dictionary<string, IOutboxDelivery> _deliveries;
    private readonly string[] _channels;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxWorker> _logger;
    private readonly BackgroundWorkTurn _turn;
    private readonly HashSet<string> _reportedUndeliverable = new(StringComparer.Ordinal);

    // Passes must not overlap: the loop and a test's direct call would otherwise both deliver the same due messages.
    private readonly SemaphoreSlim _pass = new(1, 1);
    private DateTimeOffset _nextUndeliverableCheck = DateTimeOffset.MinValue;

    /// <summary>Creates the worker.</summary>
    /// <exception cref="InvalidOperationException">Two deliveries are registered for one channel.</exception>
    public OutboxWorker(IOutbox outbox, IEnumerable<IOutboxDelivery> deliveries, IOptions<OutboxOptions> options, TimeProvider time, IBackgroundWorkGate gate, ILogger<OutboxWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _outbox = outbox;
        _deliveries = new Dictionary<string, IOutboxDelivery>(StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            if (!_deliveries.TryAdd(delivery.Channel, delivery))
            {
                throw new InvalidOperationException($"Two outbox deliveries are registered for the channel '{delivery.Channel}': {_deliveries[delivery.Channel].GetType().Name} and {delivery.GetType().Name}.");
            }
        }

        _channels = [.. _deliveries.Keys.Order(StringComparer.Ordinal)];
        _options = options.Value;
        _turn = new BackgroundWorkTurn(gate, logger, "Sending the outbox");
        _time = time;
        _logger = logger;
    }

    /// <summary>The channels this worker delivers.</summary>
    public IReadOnlyList<string> Channels => _channels;

    /// <summary>Asks for a pass now instead of at the next poll. Cheap, never blocks.</summary>
    public void MessagesQueued() => _wake.Writer.TryWrite(true);

    /// <inheritdoc />
    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    /// <summary>Delivers every due message, batch after batch, and returns how many were delivered.</summary>
    /// <remarks>Failures are recorded in the outbox, not thrown; only the outbox itself failing throws.</remarks>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await ReportUndeliverableAsync(cancellationToken);
            var delivered = 0;
            // Bounded so a store that keeps returning the same messages cannot hold the loop forever.
            for (var batch = 0; batch < 100; batch++)
            {
                var due = await _outbox.ClaimDueAsync(_channels, _time.GetUtcNow(), _options.BatchSize, _options.Lease, cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                var used = new HashSet<IOutboxDelivery>();
                try
                {
                    foreach (var entry in due)
                    {
                        var delivery = _deliveries[entry.Message.Channel];
                        used.Add(delivery);
                        if (await DeliverOneAsync(delivery, entry, cancellationToken))
                        {
                            delivered++;
                        }
                    }
                }
                finally
                {
                    foreach (var delivery in used)
                    {
                        await EndBatchAsync(delivery);
                    }
                }

                if (due.Count < _options.BatchSize)
                {
                    break;
                }
            }

            return delivered;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Outbox worker started for the channels {Channels}, polling every {Interval}.", string.Join(", ", _channels), _options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            // A wake-up that arrives during the pass is kept and causes the next pass, so no enqueue is missed.
            _wake.Reader.TryRead(out _);
            try
            {
                // On a load-balanced host one server sends; messages wait in the shared outbox for it.
                if (_turn.MayRun())
                {
                    await DeliverDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "The outbox could not be read or updated; trying again in {Interval}.", _options.PollInterval);
            }

            await WaitAsync(stoppingToken);
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(_options.PollInterval, _time, stop.Token);
        var wake = _wake.Reader.WaitToReadAsync(stop.Token).AsTask();
        // WhenAny never throws: a cancelled delay or wait simply ends the wait, and the loop checks the stopping token.
        await Task.WhenAny(delay, wake);
        await stop.CancelAsync();
    }

    private async Task<bool> DeliverOneAsync(IOutboxDelivery delivery, OutboxEntry entry, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = await delivery.DeliverAsync(entry, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the message stays pending with its attempt count untouched and is delivered once its lease ends.
            throw;
        }
        catch (Exception ex)
        {
            // Type and message only: stack traces do not belong in the outbox.
            result = DeliveryResult.Retry(ex.GetType().Name + ": " + ex.Message);
        }

        var now = _time.GetUtcNow();
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            await _outbox.MarkSentAsync(entry.Id, now, cancellationToken);
            return true;
        }

        var attempts = entry.Attempts + 1;
        var error = result.Error ?? "failed";
        var next = result.Outcome == DeliveryOutcome.Retry ? delivery.Retry.NextAttempt(attempts, now) : null;
        await _outbox.MarkFailedAsync(entry.Id, error, next, cancellationToken);
        // The topic and the id only: recipients, URLs and payloads are personal data or secrets and stay out of logs.
        if (next is { } at)
        {
            _logger.LogWarning("Outbox {Channel} message {Id} ({Topic}) failed (attempt {Attempt} of {Max}): {Error}. Next attempt at {Next:u}.",
                entry.Message.Channel, entry.Id, entry.Message.Topic, attempts, delivery.Retry.MaxAttempts, error, at);
        }
        else
        {
            _logger.LogError("Outbox {Channel} message {Id} ({Topic}) failed after {Attempt} attempts and was given up: {Error}.",
                entry.Message.Channel, entry.Id, entry.Message.Topic, attempts, error);
        }

        return false;
    }

    private async Task EndBatchAsync(IOutboxDelivery delivery)
    {
        try
        {
            await delivery.EndBatchAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "The {Channel} delivery could not end its batch.", delivery.Channel);
        }
    }

    // Pending messages of a channel nobody delivers would wait forever without a word: say so once per channel, and look
    // again every ten minutes rather than at every poll.
    private async Task ReportUndeliverableAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now < _nextUndeliverableCheck)
        {
            return;
        }

        _nextUndeliverableCheck = now + TimeSpan.FromMinutes(10);
        foreach (var summary in await _outbox.SummaryAsync(cancellationToken))
        {
            if (summary.Pending > 0 && !_deliveries.ContainsKey(summary.Channel) && _reportedUndeliverable.Add(summary.Channel))
            {
                _logger.LogWarning("The outbox holds {Count} pending {Channel} messages, but no delivery is registered for that channel: they stay pending until one is.",
                    summary.Pending, summary.Channel);
            }
        }
    }
}
