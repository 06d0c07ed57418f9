using System.Collections.Concurrent;
using JourneyContent.Delivery;
using JourneyContent.Sqlite;
using JourneyContent.Web.Delivery;
using JourneyContent.Web.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Web.Tests.Delivery;

/// <summary>The one worker over a real SQLite outbox, with deliveries that record what they were given.</summary>
public sealed class OutboxWorkerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-worker-" + Guid.NewGuid().ToString("N")[..8]);
    private SqliteOutbox _outbox = null!;

    private string DatabasePath => Path.Combine(_folder, "journeycontent.db");

    private DateTimeOffset Now => _clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        var connections = Connections();
        await new SqliteMigrator(connections, _clock, NullLogger<SqliteMigrator>.Instance).MigrateAsync();
        _outbox = new SqliteOutbox(connections, _clock);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private SqliteConnectionFactory Connections() => new(Options.Create(new SqliteStoreOptions { DatabasePath = DatabasePath }));

    private OutboxWorker Worker(IOutbox outbox, ILogger<OutboxWorker>? logger = null, params IOutboxDelivery[] deliveries) =>
        Worker(outbox, new AlwaysDoBackgroundWork(), logger, deliveries);

    private OutboxWorker Worker(IOutbox outbox, IBackgroundWorkGate gate, ILogger<OutboxWorker>? logger = null, params IOutboxDelivery[] deliveries) =>
        new(outbox, deliveries, Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromHours(1) }), _clock, gate, logger ?? NullLogger<OutboxWorker>.Instance);

    private static OutboxMessage Message(string channel, string topic = "test") =>
        new(channel, OutboxMessage.NewIdempotencyId(), topic, """{"n":1}""");

    private async Task<OutboxEntry> EntryAsync(long id) => (await _outbox.RecentAsync(null, 1000, default)).Single(e => e.Id == id);

    [Fact]
    public async Task Each_message_goes_to_its_channel_s_delivery_and_is_retried_by_that_channel_s_policy()
    {
        var mail = new RecordingDelivery("mail", new OutboxRetryPolicy { FirstDelay = TimeSpan.FromSeconds(10) }, DeliveryResult.Retry("refused"));
        var hooks = new RecordingDelivery("webhook", new OutboxRetryPolicy { FirstDelay = TimeSpan.FromMinutes(2), LongestDelay = TimeSpan.FromMinutes(2) }, DeliveryResult.Retry("HTTP 503"));
        var mailId = await _outbox.EnqueueAsync(Message("mail"), default);
        var hookId = await _outbox.EnqueueAsync(Message("webhook"), default);

        Assert.Equal(0, await Worker(_outbox, null, mail, hooks).DeliverDueAsync(default));

        Assert.Equal([mailId], mail.Seen.Select(e => e.Id));
        Assert.Equal([hookId], hooks.Seen.Select(e => e.Id));
        var (m, h) = (await EntryAsync(mailId), await EntryAsync(hookId));
        Assert.Equal((OutboxStatus.Pending, 1, "refused", Now.AddSeconds(10)), (m.Status, m.Attempts, m.LastError, m.NextAttemptAt));
        Assert.Equal((OutboxStatus.Pending, 1, "HTTP 503", Now.AddMinutes(2)), (h.Status, h.Attempts, h.LastError, h.NextAttemptAt));
    }

    [Fact]
    public async Task Retries_back_off_on_the_clock_until_delivered_and_a_give_up_fails_at_once()
    {
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), DeliveryResult.Retry("refused"), DeliveryResult.Retry("refused"), DeliveryResult.Delivered);
        var gone = new RecordingDelivery("webhook", OutboxRetryPolicy.WebhookDefaults(), DeliveryResult.GiveUp("HTTP 410 Gone"));
        var worker = Worker(_outbox, null, delivery, gone);
        var id = await _outbox.EnqueueAsync(Message("mail"), default);
        var goneId = await _outbox.EnqueueAsync(Message("webhook"), default);

        await worker.DeliverDueAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await worker.DeliverDueAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await worker.DeliverDueAsync(default));

        var sent = await EntryAsync(id);
        Assert.Equal((OutboxStatus.Sent, 3, (DateTimeOffset?)Now), (sent.Status, sent.Attempts, sent.SentAt));
        Assert.Equal(3, delivery.Seen.Count);
        Assert.Single(delivery.Seen.Select(e => e.Message.IdempotencyId).Distinct());
        var failed = await EntryAsync(goneId);
        Assert.Equal((OutboxStatus.Failed, 1, "HTTP 410 Gone"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Single(gone.Seen);
    }

    [Fact]
    public async Task A_delivery_that_throws_counts_as_a_failed_attempt_and_the_rest_of_the_batch_is_delivered()
    {
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), null, DeliveryResult.Delivered);
        var first = await _outbox.EnqueueAsync(Message("mail"), default);
        var second = await _outbox.EnqueueAsync(Message("mail"), default);

        Assert.Equal(1, await Worker(_outbox, null, delivery).DeliverDueAsync(default));

        var broken = await EntryAsync(first);
        Assert.Equal((OutboxStatus.Pending, 1, "IOException: boom"), (broken.Status, broken.Attempts, broken.LastError));
        Assert.Equal(OutboxStatus.Sent, (await EntryAsync(second)).Status);
    }

    [Fact]
    public async Task A_message_whose_channel_has_no_delivery_stays_pending_untouched_and_is_logged_once()
    {
        var logger = new RecordingLogger();
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), DeliveryResult.Delivered);
        var worker = Worker(_outbox, logger, delivery);
        var orphan = await _outbox.EnqueueAsync(Message("sms"), default);
        await _outbox.EnqueueAsync(Message("mail"), default);

        Assert.Equal(1, await worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(11));
        await worker.DeliverDueAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(11));
        await worker.DeliverDueAsync(default);

        var entry = await EntryAsync(orphan);
        Assert.Equal((OutboxStatus.Pending, 0, (string?)null), (entry.Status, entry.Attempts, entry.LastError));
        // Not leased either: a worker that does deliver sms claims it at once.
        Assert.Equal(orphan, Assert.Single(await _outbox.ClaimDueAsync(["sms"], Now, 10, TimeSpan.FromMinutes(1), default)).Id);
        Assert.Single(logger.Warnings, w => w.Contains("sms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_deliveries_for_one_channel_are_refused_when_the_worker_is_built()
    {
        var one = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults());
        var two = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults());

        var error = Assert.Throws<InvalidOperationException>(() => Worker(_outbox, null, one, two));

        Assert.Contains("'mail'", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_message_claimed_by_a_worker_that_crashed_is_delivered_once_its_lease_ends_with_the_same_id()
    {
        var id = await _outbox.EnqueueAsync(Message("mail"), default);
        // The crashed worker claimed it for the default five minutes and never recorded anything.
        Assert.Single(await _outbox.ClaimDueAsync(["mail"], Now, 10, new OutboxOptions().Lease, default));
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), DeliveryResult.Delivered);
        var restarted = Worker(_outbox, null, delivery);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await restarted.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await restarted.DeliverDueAsync(default));

        var entry = await EntryAsync(id);
        Assert.Equal((OutboxStatus.Sent, 1), (entry.Status, entry.Attempts));
        Assert.Equal((await EntryAsync(id)).Message.IdempotencyId, Assert.Single(delivery.Seen).Message.IdempotencyId);
    }

    [Fact]
    public async Task Two_workers_on_one_database_deliver_each_message_exactly_once()
    {
        for (var i = 0; i < 30; i++)
        {
            await _outbox.EnqueueAsync(Message(i % 2 == 0 ? "mail" : "webhook"), default);
        }

        var seen = new ConcurrentBag<string>();
        IOutboxDelivery[] Deliveries() => [new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults()) { Into = seen }, new RecordingDelivery("webhook", OutboxRetryPolicy.WebhookDefaults()) { Into = seen }];
        // Two processes: each its own connection factory on the same file, each its own worker.
        var a = Worker(new SqliteOutbox(Connections(), _clock), null, Deliveries());
        var b = Worker(new SqliteOutbox(Connections(), _clock), null, Deliveries());

        var delivered = await Task.WhenAll(Task.Run(() => a.DeliverDueAsync(default)), Task.Run(() => b.DeliverDueAsync(default)));

        Assert.Equal(30, delivered.Sum());
        Assert.Equal(30, seen.Count);
        Assert.Equal(30, seen.Distinct().Count());
        Assert.All(await _outbox.RecentAsync(null, 100, default), e => Assert.Equal((OutboxStatus.Sent, 1), (e.Status, e.Attempts)));
    }

    [Fact]
    public async Task The_running_worker_survives_a_broken_outbox_and_delivers_when_woken()
    {
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), DeliveryResult.Delivered);
        var flaky = new FailingOnceOutbox(_outbox);
        using var worker = Worker(flaky, null, delivery);
        await _outbox.EnqueueAsync(Message("mail"), default);

        // The first pass at start throws inside the store; the poll is an hour away on a clock that never moves, so only
        // the wake-up below can bring the delivery, and only if the loop survived.
        await worker.StartAsync(default);
        try
        {
            // The 2 min only turn a hung worker into a failure; they are never waited out when the loop works.
            await flaky.FailedOnce.WaitAsync(TimeSpan.FromMinutes(2));
            worker.MessagesQueued();

            await delivery.First.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await worker.StopAsync(default);
        }

        Assert.Single(delivery.Seen);
    }

    [Fact]
    public async Task A_server_the_gate_refuses_sends_nothing_and_sends_once_the_gate_allows_it()
    {
        var delivery = new RecordingDelivery("mail", OutboxRetryPolicy.MailDefaults(), DeliveryResult.Delivered);
        var gate = new SwitchableGate();
        using var worker = Worker(_outbox, gate, null, delivery);
        var id = await _outbox.EnqueueAsync(Message("mail"), default);

        await worker.StartAsync(default);
        try
        {
            // The 2 min only turn a hung worker into a failure; they are never waited out when the loop works.
            await gate.Asked.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Empty(delivery.Seen);
            Assert.Equal(OutboxStatus.Pending, (await EntryAsync(id)).Status);

            gate.Allow();
            worker.MessagesQueued();
            await delivery.First.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await worker.StopAsync(default);
        }

        Assert.Equal([id], delivery.Seen.Select(e => e.Id));
    }

    /// <summary>A gate that refuses (as for a subscriber server) until allowed, and says when it was first asked.</summary>
    private sealed class SwitchableGate : IBackgroundWorkGate
    {
        private volatile bool _allowed;
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Asked => _asked.Task;

        public void Allow() => _allowed = true;

        public string? WhyNotNow()
        {
            var answer = _allowed ? null : "a subscriber";
            _asked.TrySetResult();
            return answer;
        }
    }

    /// <summary>Answers with the scripted results in order (a null entry throws an IOException), then with the last one.</summary>
    private sealed class RecordingDelivery(string channel, OutboxRetryPolicy retry, params DeliveryResult?[] results) : IOutboxDelivery
    {
        private int _calls;

        public string Channel => channel;

        public OutboxRetryPolicy Retry => retry;

        public ConcurrentQueue<OutboxEntry> Seen { get; } = new();

        public ConcurrentBag<string>? Into { get; init; }

        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
        {
            Seen.Enqueue(entry);
            Into?.Add(entry.Message.IdempotencyId);
            First.TrySetResult();
            // Lets the other worker run between two deliveries, as a network round trip would.
            await Task.Yield();
            var call = Interlocked.Increment(ref _calls) - 1;
            var result = results.Length == 0 ? DeliveryResult.Delivered : results[Math.Min(call, results.Length - 1)];
            return result ?? throw new IOException("boom");
        }
    }

    /// <summary>An outbox whose first claim fails, as a locked or full disk would.</summary>
    private sealed class FailingOnceOutbox(IOutbox inner) : IOutbox
    {
        private int _claims;

        public Task FailedOnce => _failed.Task;

        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(IReadOnlyCollection<string> channels, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _claims) == 1)
            {
                _failed.TrySetResult();
                throw new SqliteException("database is locked", 5);
            }

            return inner.ClaimDueAsync(channels, now, max, lease, cancellationToken);
        }

        public Task<long> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) => inner.EnqueueAsync(message, cancellationToken);

        public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) => inner.MarkSentAsync(id, at, cancellationToken);

        public Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) => inner.MarkFailedAsync(id, error, nextAttemptAt, cancellationToken);

        public Task<IReadOnlyList<OutboxSummary>> SummaryAsync(CancellationToken cancellationToken) => inner.SummaryAsync(cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> RecentAsync(string? channel, int limit, CancellationToken cancellationToken) => inner.RecentAsync(channel, limit, cancellationToken);

        public Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken) => inner.EraseLeadAsync(leadId, cancellationToken);
    }

    private sealed class RecordingLogger : ILogger<OutboxWorker>
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
