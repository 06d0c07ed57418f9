using System.Data.Common;
using JourneyContent.Delivery;
using JourneyContent.Mail;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.StoreContracts;

/// <summary>What every <see cref="IOutbox"/> does, whatever the database: each provider's test project derives from this class.</summary>
public abstract class OutboxContract : IAsyncLifetime
{
    private static readonly string[] Both = [OutboxChannels.Mail, OutboxChannels.Webhook];
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private IOutbox? _outbox;

    /// <summary>The clock the outbox runs on, from a Monday morning in March 2026.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The outbox under test.</summary>
    protected IOutbox Outbox => _outbox ?? throw new InvalidOperationException("The outbox is created in InitializeAsync.");

    private DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>An outbox on <see cref="Clock"/> over a new, migrated, empty database.</summary>
    protected abstract Task<IOutbox> CreateOutboxAsync();

    /// <summary>Removes the database of <see cref="CreateOutboxAsync"/>.</summary>
    protected abstract Task DeleteOutboxAsync();

    /// <summary>Another outbox on the same database, as another process or instance would hold.</summary>
    protected abstract Task<IOutbox> AnotherInstanceAsync();

    /// <summary>The single value of a query run on the database directly.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    /// <summary>Whether the provider's error is a unique constraint's.</summary>
    protected abstract bool IsUniqueViolation(DbException error);

    /// <inheritdoc />
    public async Task InitializeAsync() => _outbox = await CreateOutboxAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteOutboxAsync();

    private static OutgoingMail Mail(string to, string? leadId = null) =>
        new(to, "Ada", "Subject for " + to, "Text for " + to, "<p>HTML for " + to + "</p>", "en", "download") { LeadId = leadId };

    private static OutboxMessage MailMessage(string to, string? leadId = null) => MailOutboxMessages.Create(Mail(to, leadId));

    private static OutboxMessage Hook(string body = """{"email":"ada@example.com"}""", string? leadId = null) =>
        new WebhookPayload(WebhookEvents.LeadCaptured, "https://crm.example/hook", body).ToMessage(leadId);

    private Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset at, int max = 10, string[]? channels = null) =>
        Outbox.ClaimDueAsync(channels ?? Both, at, max, Lease, default);

    private async Task<Dictionary<long, OutboxEntry>> AllAsync() => (await Outbox.RecentAsync(null, 1000, default)).ToDictionary(e => e.Id);

    [Fact]
    public async Task An_enqueued_mail_is_due_at_once_and_reads_back_with_every_field()
    {
        var id = await Outbox.EnqueueAsync(MailMessage("ada@example.com", "lead-1"), default);

        var due = Assert.Single(await ClaimAsync(Now));

        Assert.Equal(id, due.Id);
        Assert.Equal((OutboxChannels.Mail, "download", "lead-1"), (due.Message.Channel, due.Message.Topic, due.Message.LeadId));
        Assert.Matches("^[0-9a-f]{32}$", due.Message.IdempotencyId);
        Assert.Equal(Mail("ada@example.com", "lead-1") with { IdempotencyId = due.Message.IdempotencyId }, MailOutboxMessages.Read(due.Message));
        Assert.Equal((OutboxStatus.Pending, 0, Now, Now, (DateTimeOffset?)null, (string?)null), (due.Status, due.Attempts, due.CreatedAt, due.NextAttemptAt, due.SentAt, due.LastError));
    }

    [Fact]
    public async Task An_enqueued_webhook_keeps_its_event_url_and_exact_body()
    {
        var body = """{"event":"lead.captured","data":{"name":"Zoë"}}""";
        await Outbox.EnqueueAsync(Hook(body, "lead-1"), default);

        var due = Assert.Single(await ClaimAsync(Now));

        Assert.Matches("^msg_[0-9a-f]{32}$", due.Message.IdempotencyId);
        Assert.Equal(new WebhookPayload(WebhookEvents.LeadCaptured, "https://crm.example/hook", body), WebhookPayload.Read(due.Message));
        Assert.Equal((OutboxChannels.Webhook, WebhookEvents.LeadCaptured, "lead-1"), (due.Message.Channel, due.Message.Topic, due.Message.LeadId));
    }

    [Fact]
    public async Task Two_messages_with_one_idempotency_id_are_refused()
    {
        var message = MailMessage("ada@example.com");
        await Outbox.EnqueueAsync(message, default);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => Outbox.EnqueueAsync(message, default));
        Assert.True(IsUniqueViolation(error), error.Message);
    }

    [Fact]
    public async Task Due_messages_of_every_channel_come_oldest_first_and_at_most_max()
    {
        var first = await Outbox.EnqueueAsync(MailMessage("a@example.com"), default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Outbox.EnqueueAsync(Hook(), default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Outbox.EnqueueAsync(MailMessage("c@example.com"), default);

        Assert.Equal([first, second], (await ClaimAsync(Now, max: 2)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_claim_takes_only_the_channels_asked_for()
    {
        var mail = await Outbox.EnqueueAsync(MailMessage("a@example.com"), default);
        await Outbox.EnqueueAsync(Hook(), default);

        Assert.Equal([mail], (await ClaimAsync(Now, channels: [OutboxChannels.Mail])).Select(e => e.Id));
        Assert.Empty(await ClaimAsync(Now, channels: []));
        Assert.Equal(OutboxChannels.Webhook, Assert.Single(await ClaimAsync(Now, channels: Both)).Message.Channel);
    }

    [Fact]
    public async Task A_message_whose_retry_time_has_not_come_is_not_due()
    {
        var id = await Outbox.EnqueueAsync(MailMessage("ada@example.com"), default);
        await Outbox.MarkFailedAsync(id, "IOException: refused", Now.AddSeconds(30), default);

        Assert.Empty(await ClaimAsync(Now.AddSeconds(29)));
        var due = Assert.Single(await ClaimAsync(Now.AddSeconds(30)));
        Assert.Equal((1, "IOException: refused", Now.AddSeconds(30), OutboxStatus.Pending), (due.Attempts, due.LastError, due.NextAttemptAt, due.Status));
    }

    [Fact]
    public async Task A_retried_message_comes_after_older_due_messages_by_retry_time()
    {
        var retried = await Outbox.EnqueueAsync(MailMessage("a@example.com"), default);
        await Outbox.MarkFailedAsync(retried, "refused", Now.AddMinutes(1), default);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var fresh = await Outbox.EnqueueAsync(Hook(), default);

        Assert.Equal([fresh, retried], (await ClaimAsync(Now.AddMinutes(5))).Select(e => e.Id));
    }

    [Fact]
    public async Task A_sent_message_is_no_longer_due_and_records_when_it_was_sent_counting_every_attempt()
    {
        var id = await Outbox.EnqueueAsync(Hook(), default);
        await Outbox.MarkFailedAsync(id, "refused", Now, default);
        var sentAt = Now.AddSeconds(3);

        await Outbox.MarkSentAsync(id, sentAt, default);

        Assert.Empty(await ClaimAsync(Now.AddDays(1)));
        var entry = Assert.Single(await Outbox.RecentAsync(null, 10, default));
        // One failed try and the successful one: an attempt is any try, in every channel.
        Assert.Equal((OutboxStatus.Sent, (DateTimeOffset?)sentAt, 2, (string?)null), (entry.Status, entry.SentAt, entry.Attempts, entry.LastError));
        Assert.Equal("sent", await ScalarAsync("SELECT status FROM outbox"));
    }

    [Fact]
    public async Task A_failure_without_a_next_attempt_gives_the_message_up()
    {
        var id = await Outbox.EnqueueAsync(MailMessage("ada@example.com"), default);
        await Outbox.MarkFailedAsync(id, "first", Now, default);

        await Outbox.MarkFailedAsync(id, "last", null, default);

        Assert.Empty(await ClaimAsync(Now.AddDays(1)));
        var entry = Assert.Single(await Outbox.RecentAsync(null, 10, default));
        Assert.Equal((OutboxStatus.Failed, 2, "last"), (entry.Status, entry.Attempts, entry.LastError));
        Assert.Equal("failed", await ScalarAsync("SELECT status FROM outbox"));
    }

    [Fact]
    public async Task Marking_a_message_that_is_no_longer_pending_changes_nothing()
    {
        var id = await Outbox.EnqueueAsync(Hook(), default);
        await Outbox.MarkSentAsync(id, Now, default);

        await Outbox.MarkFailedAsync(id, "late", null, default);
        await Outbox.MarkSentAsync(id, Now.AddHours(1), default);

        var entry = Assert.Single(await Outbox.RecentAsync(null, 10, default));
        Assert.Equal((OutboxStatus.Sent, 1, (DateTimeOffset?)Now, (string?)null), (entry.Status, entry.Attempts, entry.SentAt, entry.LastError));
    }

    [Fact]
    public async Task The_summary_counts_each_status_per_channel_and_dates_the_oldest_pending_message()
    {
        Assert.Empty(await Outbox.SummaryAsync(default));
        var oldest = Now;
        var sent = await Outbox.EnqueueAsync(MailMessage("a@example.com"), default);
        await Outbox.MarkSentAsync(sent, Now, default);
        var failed = await Outbox.EnqueueAsync(MailMessage("b@example.com"), default);
        await Outbox.MarkFailedAsync(failed, "gave up", null, default);
        await Outbox.EnqueueAsync(MailMessage("c@example.com"), default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Outbox.EnqueueAsync(MailMessage("d@example.com"), default);
        var hookAt = Now;
        await Outbox.EnqueueAsync(Hook(), default);

        var summaries = await Outbox.SummaryAsync(default);

        Assert.Equal(new OutboxSummary(OutboxChannels.Mail, 2, 1, 1, oldest), OutboxSummary.Of(summaries, OutboxChannels.Mail));
        Assert.Equal(new OutboxSummary(OutboxChannels.Webhook, 1, 0, 0, hookAt), OutboxSummary.Of(summaries, OutboxChannels.Webhook));
        Assert.Equal(new OutboxSummary("sms", 0, 0, 0, null), OutboxSummary.Of(summaries, "sms"));
    }

    [Fact]
    public async Task Recent_lists_newest_first_within_the_limit_and_the_channel()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await Outbox.EnqueueAsync(MailMessage($"m{i}@example.com"), default));
        }

        var hook = await Outbox.EnqueueAsync(Hook(), default);

        Assert.Equal([hook, ids[3], ids[2]], (await Outbox.RecentAsync(null, 3, default)).Select(e => e.Id));
        Assert.Equal([ids[3], ids[2], ids[1]], (await Outbox.RecentAsync(OutboxChannels.Mail, 3, default)).Select(e => e.Id));
        Assert.Equal([hook], (await Outbox.RecentAsync(OutboxChannels.Webhook, 3, default)).Select(e => e.Id));
    }

    [Fact]
    public async Task Erasing_a_lead_blanks_its_messages_of_every_channel_and_never_sends_the_pending_ones()
    {
        var pendingMail = await Outbox.EnqueueAsync(MailMessage("ada@example.com", "lead-1"), default);
        var sentMail = await Outbox.EnqueueAsync(MailMessage("ada@example.com", "lead-1"), default);
        await Outbox.MarkSentAsync(sentMail, Now, default);
        var pendingHook = await Outbox.EnqueueAsync(Hook(leadId: "lead-1"), default);
        var other = await Outbox.EnqueueAsync(MailMessage("bob@example.com", "lead-2"), default);

        var changed = await Outbox.EraseLeadAsync("lead-1", default);

        Assert.Equal(3, changed);
        Assert.Equal(other, Assert.Single(await ClaimAsync(Now)).Id);
        var entries = await AllAsync();
        foreach (var id in new[] { pendingMail, sentMail, pendingHook })
        {
            Assert.Equal("{}", entries[id].Message.Payload);
        }

        Assert.Equal(("", (string?)null), (MailOutboxMessages.Read(entries[pendingMail].Message).To, MailOutboxMessages.Read(entries[pendingMail].Message).ToName));
        Assert.Equal((OutboxStatus.Failed, "lead erased"), (entries[pendingMail].Status, entries[pendingMail].LastError));
        Assert.Equal((OutboxStatus.Failed, "lead erased"), (entries[pendingHook].Status, entries[pendingHook].LastError));
        Assert.Equal(OutboxStatus.Sent, entries[sentMail].Status);
        Assert.Equal("bob@example.com", MailOutboxMessages.Read(entries[other].Message).To);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%ada@%'"));
    }

    [Fact]
    public async Task Erasing_a_lead_twice_changes_nothing_the_second_time()
    {
        await Outbox.EnqueueAsync(MailMessage("ada@example.com", "lead-1"), default);
        await Outbox.EnqueueAsync(Hook(leadId: "lead-1"), default);
        Assert.Equal(2, await Outbox.EraseLeadAsync("lead-1", default));

        Assert.Equal(0, await Outbox.EraseLeadAsync("lead-1", default));
        Assert.Equal(0, await Outbox.EraseLeadAsync("unknown", default));
    }

    [Fact]
    public async Task A_message_erased_while_being_delivered_stays_erased()
    {
        var id = await Outbox.EnqueueAsync(MailMessage("ada@example.com", "lead-1"), default);
        Assert.Single(await ClaimAsync(Now));
        await Outbox.EraseLeadAsync("lead-1", default);

        await Outbox.MarkSentAsync(id, Now, default);
        await Outbox.MarkFailedAsync(id, "late failure", Now, default);

        var entry = Assert.Single(await Outbox.RecentAsync(null, 1, default));
        Assert.Equal((OutboxStatus.Failed, "lead erased", 0, "{}"), (entry.Status, entry.LastError, entry.Attempts, entry.Message.Payload));
    }

    [Fact]
    public async Task A_claimed_message_is_not_claimed_again_within_its_lease_and_is_due_again_after_it()
    {
        var id = await Outbox.EnqueueAsync(MailMessage("ada@example.com"), default);

        var first = Assert.Single(await ClaimAsync(Now));
        // A second worker, or this one restarted after a crash, within the lease: nothing to deliver.
        var during = await ClaimAsync(Now.AddMinutes(4));
        var after = await ClaimAsync(Now.AddMinutes(5));

        Assert.Equal(id, first.Id);
        Assert.Empty(during);
        Assert.Equal(id, Assert.Single(after).Id);
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_the_same_message_to_two_workers()
    {
        for (var i = 0; i < 20; i++)
        {
            await Outbox.EnqueueAsync(i % 2 == 0 ? MailMessage($"lead{i}@example.com") : Hook(), default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ClaimAsync(Now, max: 8)));

        var ids = claims.SelectMany(c => c).Select(e => e.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task Marking_a_claimed_message_ends_its_lease()
    {
        var id = await Outbox.EnqueueAsync(Hook(), default);
        await ClaimAsync(Now);

        await Outbox.MarkFailedAsync(id, "refused", Now.AddSeconds(30), default);

        // Due again at its retry time, well within the five minutes the claim asked for.
        Assert.Equal(id, Assert.Single(await ClaimAsync(Now.AddSeconds(30))).Id);
    }

    [Fact]
    public async Task Another_connection_factory_sees_the_sameOutbox()
    {
        var id = await Outbox.EnqueueAsync(Hook(), default);

        var other = await AnotherInstanceAsync();

        Assert.Equal(id, Assert.Single(await other.RecentAsync(null, 10, default)).Id);
    }
}
