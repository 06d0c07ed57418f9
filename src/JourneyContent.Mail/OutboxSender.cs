using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Mail;

/// <summary>Drains the mail outbox: sends due mail through the transport, and records each success or failure with its next attempt.</summary>
/// <remarks>
/// <para>It polls every <see cref="MailOptions.PollInterval"/> and at once when <see cref="Wake"/> is called, so a mail just
/// enqueued leaves within milliseconds while retries still happen without anyone asking.</para>
/// <para>Nothing escapes the loop: a broken database or transport is logged and tried again at the next poll, because
/// a dead sender would silently stop all mail until the site restarts.</para>
/// </remarks>
public sealed class OutboxSender : BackgroundService, IMailQueuedSignal
{
    // Bounded to one signal: ten wake-ups during a pass need one more pass, not ten.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IMailOutbox _outbox;
    private readonly IMailTransport _transport;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;

    /// <summary>How long claimed mail stays claimed: longer than a batch takes, short enough that a crash delays mail by minutes only.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Passes must not overlap: the loop and a test's direct call would otherwise both send the same due entries.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Creates the sender.</summary>
    public OutboxSender(IMailOutbox outbox, IMailTransport transport, IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _outbox = outbox;
        _transport = transport;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Asks for a pass now instead of at the next poll; call it after enqueuing mail. Cheap, never blocks.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <inheritdoc />
    void IMailQueuedSignal.MailQueued() => Wake();

    /// <inheritdoc />
    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    /// <summary>Sends every due entry, batch after batch, and returns how many were sent.</summary>
    /// <remarks>Failures are recorded in the outbox, not thrown; only the outbox itself failing throws.</remarks>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            // Bounded so a store that keeps returning the same entries cannot hold the loop forever.
            for (var batch = 0; batch < 100; batch++)
            {
                var due = await _outbox.ClaimDueAsync(_time.GetUtcNow(), _options.BatchSize, Lease, cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                try
                {
                    foreach (var entry in due)
                    {
                        if (await SendOneAsync(entry, cancellationToken))
                        {
                            sent++;
                        }
                    }
                }
                finally
                {
                    if (_transport is IBatchingMailTransport batching)
                    {
                        await batching.EndBatchAsync(CancellationToken.None);
                    }
                }

                if (due.Count < _options.BatchSize)
                {
                    break;
                }
            }

            return sent;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Mail outbox sender started with the {Transport} transport, polling every {Interval}.", _transport.Name, _options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            // A wake-up that arrives during the pass is kept and causes the next pass, so no enqueue is missed.
            _wake.Reader.TryRead(out _);
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "The mail outbox could not be read or updated; trying again in {Interval}.", _options.PollInterval);
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

    private async Task<bool> SendOneAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.SendAsync(entry.Mail, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the entry stays pending with its attempt count untouched and is sent once its lease ends.
            throw;
        }
        catch (Exception ex)
        {
            var attempts = entry.Attempts + 1;
            var now = _time.GetUtcNow();
            var next = _options.Retry.NextAttempt(attempts, now);
            var error = Describe(ex);
            await _outbox.MarkFailedAsync(entry.Id, error, next, cancellationToken);
            // The recipient's address is personal data and stays out of logs; the id finds it in the outbox.
            if (next is { } at)
            {
                _logger.LogWarning("Mail {Id} ({Purpose}) could not be sent through the {Transport} transport (attempt {Attempt} of {Max}): {Error}. Next attempt at {Next:u}.",
                    entry.Id, entry.Mail.Purpose, _transport.Name, attempts, _options.Retry.MaxAttempts, error, at);
            }
            else
            {
                _logger.LogError("Mail {Id} ({Purpose}) could not be sent through the {Transport} transport after {Attempt} attempts and was given up: {Error}.",
                    entry.Id, entry.Mail.Purpose, _transport.Name, attempts, error);
            }

            return false;
        }

        await _outbox.MarkSentAsync(entry.Id, _time.GetUtcNow(), cancellationToken);
        return true;
    }

    // Type and message only: stack traces do not belong in the outbox, and MailKit's messages never contain the password.
    private static string Describe(Exception ex)
    {
        var text = ex.GetType().Name + ": " + ex.Message;
        return text.Length <= 1000 ? text : text[..1000];
    }
}
