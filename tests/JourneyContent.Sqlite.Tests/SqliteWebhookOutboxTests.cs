using JourneyContent.Webhooks;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteWebhookOutboxTests : IAsyncLifetime
{
    private const string Url = "https://crm.example.com/hooks/leads";

    private TempDatabase _database = null!;
    private SqliteWebhookOutbox _outbox = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _outbox = new SqliteWebhookOutbox(_database.Connections, _database.Clock);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private Task<long> EnqueueAsync(string? leadId = "lead-1", string body = """{"event":"lead.captured"}""") =>
        _outbox.EnqueueAsync(WebhookEvents.LeadCaptured, Url, body, leadId, default);

    private async Task<WebhookMessage> GetAsync(long id) =>
        (await _outbox.RecentAsync(100, default)).Single(m => m.Id == id);

    [Fact]
    public async Task An_enqueued_message_is_pending_due_now_with_every_field()
    {
        var id = await EnqueueAsync();

        var message = Assert.Single(await _outbox.DueAsync(Now, 10, default));
        Assert.Matches("^msg_[0-9a-f]{32}$", message.IdempotencyId);
        Assert.Equal(
            new WebhookMessage(id, WebhookEvents.LeadCaptured, Url, """{"event":"lead.captured"}""", "lead-1",
                WebhookStatus.Pending, 0, Now, Now, null, null) { IdempotencyId = message.IdempotencyId },
            message);
        Assert.Equal("pending", _database.Scalar($"SELECT status FROM webhook_outbox WHERE id = {id}"));
    }

    [Fact]
    public async Task Due_messages_are_the_pending_ones_whose_time_has_come_oldest_first_and_limited()
    {
        var first = await EnqueueAsync();
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await EnqueueAsync();
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await EnqueueAsync();
        var sent = await EnqueueAsync();
        await _outbox.MarkSentAsync(sent, Now, default);
        await _outbox.MarkFailedAsync(first, "HTTP 500", Now.AddMinutes(5), default);

        Assert.Equal([second, third], (await _outbox.DueAsync(Now, 10, default)).Select(m => m.Id));
        Assert.Equal([second], (await _outbox.DueAsync(Now, 1, default)).Select(m => m.Id));
        Assert.Empty(await _outbox.DueAsync(Now.AddSeconds(-2), 10, default));
        Assert.Equal([second, third, first], (await _outbox.DueAsync(Now.AddMinutes(5), 10, default)).Select(m => m.Id));
    }

    [Fact]
    public async Task A_sent_message_records_when_and_counts_the_attempt()
    {
        var id = await EnqueueAsync();
        await _outbox.MarkFailedAsync(id, "HTTP 503 Service Unavailable", Now, default);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await _outbox.MarkSentAsync(id, Now, default);

        var message = await GetAsync(id);
        Assert.Equal(WebhookStatus.Sent, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal(Now, message.SentAt);
        Assert.Empty(await _outbox.DueAsync(Now.AddDays(1), 10, default));
    }

    [Fact]
    public async Task A_failed_attempt_keeps_the_error_and_reschedules_or_gives_up_without_a_next_time()
    {
        var retried = await EnqueueAsync();
        var abandoned = await EnqueueAsync();

        await _outbox.MarkFailedAsync(retried, "HTTP 500 Internal Server Error", Now.AddSeconds(30), default);
        await _outbox.MarkFailedAsync(abandoned, "HTTP 410 Gone", null, default);

        var pending = await GetAsync(retried);
        Assert.Equal((WebhookStatus.Pending, 1, "HTTP 500 Internal Server Error", Now.AddSeconds(30)),
            (pending.Status, pending.Attempts, pending.LastError, pending.NextAttemptAt));
        var failed = await GetAsync(abandoned);
        Assert.Equal((WebhookStatus.Failed, 1, "HTTP 410 Gone"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal("failed", _database.Scalar($"SELECT status FROM webhook_outbox WHERE id = {abandoned}"));
    }

    [Fact]
    public async Task Marking_a_message_that_is_no_longer_pending_changes_nothing()
    {
        var id = await EnqueueAsync();
        await _outbox.MarkSentAsync(id, Now, default);

        await _outbox.MarkFailedAsync(id, "late failure", null, default);
        await _outbox.MarkSentAsync(id, Now.AddHours(1), default);

        var message = await GetAsync(id);
        Assert.Equal((WebhookStatus.Sent, 1, (string?)null, (DateTimeOffset?)Now), (message.Status, message.Attempts, message.LastError, message.SentAt));
    }

    [Fact]
    public async Task The_summary_counts_each_status()
    {
        Assert.Equal(new WebhookSummary(0, 0, 0), await _outbox.SummaryAsync(default));
        var sent = await EnqueueAsync();
        var failed = await EnqueueAsync();
        await EnqueueAsync();
        await EnqueueAsync();
        await _outbox.MarkSentAsync(sent, Now, default);
        await _outbox.MarkFailedAsync(failed, "HTTP 410 Gone", null, default);

        Assert.Equal(new WebhookSummary(2, 1, 1), await _outbox.SummaryAsync(default));
    }

    [Fact]
    public async Task Recent_messages_are_listed_newest_first_and_limited()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await EnqueueAsync());
        }

        Assert.Equal([ids[3], ids[2]], (await _outbox.RecentAsync(2, default)).Select(m => m.Id));
    }

    [Fact]
    public async Task Erasing_a_lead_empties_its_bodies_and_stops_its_pending_messages_only()
    {
        var pending = await EnqueueAsync("lead-1", """{"email":"ada@example.com"}""");
        var sent = await EnqueueAsync("lead-1", """{"email":"ada@example.com"}""");
        await _outbox.MarkSentAsync(sent, Now, default);
        var other = await EnqueueAsync("lead-2", """{"email":"grace@example.com"}""");
        var none = await EnqueueAsync(null);

        Assert.Equal(2, await _outbox.EraseLeadAsync("lead-1", default));

        var erased = await GetAsync(pending);
        Assert.Equal(("{}", WebhookStatus.Failed, "lead erased"), (erased.Body, erased.Status, erased.LastError));
        var erasedSent = await GetAsync(sent);
        Assert.Equal(("{}", WebhookStatus.Sent, (string?)null), (erasedSent.Body, erasedSent.Status, erasedSent.LastError));
        Assert.Equal("""{"email":"grace@example.com"}""", (await GetAsync(other)).Body);
        Assert.Equal([other, none], (await _outbox.DueAsync(Now, 10, default)).Select(m => m.Id));
        Assert.Equal(0, await _outbox.EraseLeadAsync("lead-unknown", default));
    }

    [Fact]
    public async Task A_message_erased_while_it_was_being_posted_is_not_revived_by_the_outcome()
    {
        var id = await EnqueueAsync();
        Assert.Single(await _outbox.DueAsync(Now, 10, default));

        await _outbox.EraseLeadAsync("lead-1", default);
        await _outbox.MarkFailedAsync(id, "HTTP 500", Now.AddMinutes(1), default);

        var message = await GetAsync(id);
        Assert.Equal((WebhookStatus.Failed, "lead erased", "{}"), (message.Status, message.LastError, message.Body));
    }

    [Fact]
    public async Task Another_connection_factory_sees_the_same_outbox()
    {
        var id = await EnqueueAsync();

        var other = new SqliteWebhookOutbox(_database.NewFactory(), _database.Clock);

        Assert.Equal(id, Assert.Single(await other.DueAsync(Now, 10, default)).Id);
    }
}
