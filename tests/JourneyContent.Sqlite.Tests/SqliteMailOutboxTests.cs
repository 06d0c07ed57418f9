using JourneyContent.Mail;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteMailOutboxTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteMailOutbox _outbox = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _outbox = new SqliteMailOutbox(_database.Connections, _database.Clock);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private static OutgoingMail Mail(string to, string? leadId = null) =>
        new(to, "Ada", "Subject for " + to, "Text for " + to, "<p>HTML for " + to + "</p>", "en", "download") { LeadId = leadId };

    [Fact]
    public async Task An_enqueued_mail_is_due_at_once_with_every_field()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com", "lead-1"), default);

        var due = Assert.Single(await _outbox.DueAsync(Now, 10, default));

        Assert.Equal(id, due.Id);
        Assert.Matches("^[0-9a-f]{32}$", due.Mail.IdempotencyId);
        Assert.Equal(Mail("ada@example.com", "lead-1") with { IdempotencyId = due.Mail.IdempotencyId }, due.Mail);
        Assert.Equal("lead-1", due.Mail.LeadId);
        Assert.Equal(OutboxStatus.Pending, due.Status);
        Assert.Equal(0, due.Attempts);
        Assert.Equal(Now, due.CreatedAt);
        Assert.Equal(Now, due.NextAttemptAt);
        Assert.Null(due.SentAt);
        Assert.Null(due.LastError);
    }

    [Fact]
    public async Task Due_mail_comes_oldest_first_and_at_most_max()
    {
        var first = await _outbox.EnqueueAsync(Mail("a@example.com"), default);
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _outbox.EnqueueAsync(Mail("b@example.com"), default);
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        await _outbox.EnqueueAsync(Mail("c@example.com"), default);

        var due = await _outbox.DueAsync(Now, 2, default);

        Assert.Equal([first, second], due.Select(e => e.Id));
    }

    [Fact]
    public async Task A_mail_whose_retry_time_has_not_come_is_not_due()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com"), default);
        await _outbox.MarkFailedAsync(id, "IOException: refused", Now.AddSeconds(30), default);

        Assert.Empty(await _outbox.DueAsync(Now.AddSeconds(29), 10, default));
        var due = Assert.Single(await _outbox.DueAsync(Now.AddSeconds(30), 10, default));
        Assert.Equal(1, due.Attempts);
        Assert.Equal("IOException: refused", due.LastError);
        Assert.Equal(Now.AddSeconds(30), due.NextAttemptAt);
        Assert.Equal(OutboxStatus.Pending, due.Status);
    }

    [Fact]
    public async Task A_retried_mail_comes_after_older_due_mail_by_retry_time()
    {
        var retried = await _outbox.EnqueueAsync(Mail("a@example.com"), default);
        await _outbox.MarkFailedAsync(retried, "refused", Now.AddMinutes(1), default);
        _database.Clock.Advance(TimeSpan.FromSeconds(10));
        var fresh = await _outbox.EnqueueAsync(Mail("b@example.com"), default);

        var due = await _outbox.DueAsync(Now.AddMinutes(5), 10, default);

        Assert.Equal([fresh, retried], due.Select(e => e.Id));
    }

    [Fact]
    public async Task A_sent_mail_is_no_longer_due_and_records_when_it_was_sent()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com"), default);
        await _outbox.MarkFailedAsync(id, "refused", Now, default);
        var sentAt = Now.AddSeconds(3);

        await _outbox.MarkSentAsync(id, sentAt, default);

        Assert.Empty(await _outbox.DueAsync(Now.AddDays(1), 10, default));
        var entry = Assert.Single(await _outbox.RecentAsync(10, default));
        Assert.Equal(OutboxStatus.Sent, entry.Status);
        Assert.Equal(sentAt, entry.SentAt);
        // One failed try and the successful one: an attempt is any try, as for webhooks.
        Assert.Equal(2, entry.Attempts);
        Assert.Null(entry.LastError);
    }

    [Fact]
    public async Task A_failure_without_a_next_attempt_gives_the_mail_up()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com"), default);
        await _outbox.MarkFailedAsync(id, "first", Now, default);

        await _outbox.MarkFailedAsync(id, "last", null, default);

        Assert.Empty(await _outbox.DueAsync(Now.AddDays(1), 10, default));
        var entry = Assert.Single(await _outbox.RecentAsync(10, default));
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal("last", entry.LastError);
        Assert.Equal("failed", _database.Scalar("SELECT status FROM mail_outbox"));
    }

    [Fact]
    public async Task The_summary_counts_each_status_and_dates_the_oldest_pending_mail()
    {
        Assert.Equal(new OutboxSummary(0, 0, 0, null), await _outbox.SummaryAsync(default));
        var oldest = Now;
        var sent = await _outbox.EnqueueAsync(Mail("a@example.com"), default);
        await _outbox.MarkSentAsync(sent, Now, default);
        var failed = await _outbox.EnqueueAsync(Mail("b@example.com"), default);
        await _outbox.MarkFailedAsync(failed, "gave up", null, default);
        await _outbox.EnqueueAsync(Mail("c@example.com"), default);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _outbox.EnqueueAsync(Mail("d@example.com"), default);

        Assert.Equal(new OutboxSummary(2, 1, 1, oldest), await _outbox.SummaryAsync(default));
    }

    [Fact]
    public async Task Recent_lists_newest_first_within_the_limit()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await _outbox.EnqueueAsync(Mail($"m{i}@example.com"), default));
        }

        var recent = await _outbox.RecentAsync(3, default);

        Assert.Equal([ids[3], ids[2], ids[1]], recent.Select(e => e.Id));
    }

    [Fact]
    public async Task Erasing_a_recipient_blanks_its_mail_and_never_sends_the_pending_one()
    {
        var pending = await _outbox.EnqueueAsync(Mail("ada@example.com", "lead-1"), default);
        var sent = await _outbox.EnqueueAsync(Mail("ada@example.com", "lead-1"), default);
        await _outbox.MarkSentAsync(sent, Now, default);
        var other = await _outbox.EnqueueAsync(Mail("bob@example.com", "lead-2"), default);

        var changed = await _outbox.EraseRecipientAsync("lead-1", default);

        Assert.Equal(2, changed);
        var due = Assert.Single(await _outbox.DueAsync(Now, 10, default));
        Assert.Equal(other, due.Id);
        var entries = (await _outbox.RecentAsync(10, default)).ToDictionary(e => e.Id);
        foreach (var id in new[] { pending, sent })
        {
            var mail = entries[id].Mail;
            Assert.Equal("", mail.To);
            Assert.Null(mail.ToName);
            Assert.Equal("(erased)", mail.Subject);
            Assert.Equal("(erased)", mail.TextBody);
            Assert.Equal("(erased)", mail.HtmlBody);
        }

        Assert.Equal(OutboxStatus.Failed, entries[pending].Status);
        Assert.Equal("recipient erased", entries[pending].LastError);
        Assert.Equal(OutboxStatus.Sent, entries[sent].Status);
        Assert.Equal("bob@example.com", entries[other].Mail.To);
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'ada@example.com' OR text_body LIKE '%ada@%'"));
        Assert.Equal(2L, _database.Scalar("SELECT COUNT(*) FROM mail_outbox WHERE lead_id = 'lead-1' AND to_address IS NULL AND to_name IS NULL"));
    }

    [Fact]
    public async Task Erasing_a_recipient_twice_changes_nothing_the_second_time()
    {
        await _outbox.EnqueueAsync(Mail("ada@example.com", "lead-1"), default);
        await _outbox.EraseRecipientAsync("lead-1", default);

        Assert.Equal(0, await _outbox.EraseRecipientAsync("lead-1", default));
        Assert.Equal(0, await _outbox.EraseRecipientAsync("unknown", default));
    }

    [Fact]
    public async Task A_mail_erased_while_being_sent_stays_erased()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com", "lead-1"), default);
        await _outbox.EraseRecipientAsync("lead-1", default);

        await _outbox.MarkSentAsync(id, Now, default);
        await _outbox.MarkFailedAsync(id, "late failure", Now, default);

        var entry = Assert.Single(await _outbox.RecentAsync(1, default));
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Equal("recipient erased", entry.LastError);
        Assert.Equal(0, entry.Attempts);
    }

    [Fact]
    public async Task A_claimed_mail_is_not_claimed_again_within_its_lease_and_is_due_again_after_it()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com"), default);
        var lease = TimeSpan.FromMinutes(5);

        var first = Assert.Single(await _outbox.ClaimDueAsync(Now, 10, lease, default));
        // A second worker, or this one restarted after a crash, within the lease: nothing to send.
        var during = await _outbox.ClaimDueAsync(Now.AddMinutes(4), 10, lease, default);
        var after = await _outbox.ClaimDueAsync(Now.AddMinutes(5), 10, lease, default);

        Assert.Equal(id, first.Id);
        Assert.Empty(during);
        Assert.Equal(id, Assert.Single(after).Id);
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_the_same_mail_to_two_workers()
    {
        for (var i = 0; i < 20; i++)
        {
            await _outbox.EnqueueAsync(Mail($"lead{i}@example.com"), default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _outbox.ClaimDueAsync(Now, 8, TimeSpan.FromMinutes(5), default)));

        var ids = claims.SelectMany(c => c).Select(e => e.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task Marking_a_claimed_mail_ends_its_lease()
    {
        var id = await _outbox.EnqueueAsync(Mail("ada@example.com"), default);
        await _outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(5), default);

        await _outbox.MarkFailedAsync(id, "refused", Now.AddSeconds(30), default);

        // Due again at its retry time, well within the five minutes the claim asked for.
        Assert.Equal(id, Assert.Single(await _outbox.ClaimDueAsync(Now.AddSeconds(30), 10, TimeSpan.FromMinutes(5), default)).Id);
    }
}
