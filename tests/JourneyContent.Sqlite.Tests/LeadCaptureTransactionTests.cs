using System.Text;
using JourneyContent.Delivery;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Webhooks;

namespace JourneyContent.Sqlite.Tests;

/// <summary>A capture commits the lead, its first mail and its webhook together; an erasure removes the lead, its messages and every trace in the file.</summary>
public sealed class LeadCaptureTransactionTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteLeadStore _leads = null!;
    private SqliteOutbox _outbox = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _leads = new SqliteLeadStore(_database.Connections, new SqliteJourneyStore(_database.Connections));
        _outbox = new SqliteOutbox(_database.Connections, _database.Clock);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private LeadCapture Capture(string email, Func<LeadCaptureResult, IReadOnlyList<OutboxMessage>>? messages) => new()
    {
        Email = email,
        Language = "en",
        ContentId = "en/benchmark",
        Profile = new LeadProfile { FirstName = "Ada", LastName = "Lovelace" },
        VisitorId = "v-" + email,
        Consent = new ConsentRecord("I agree to be contacted.", "2026-11", Now, "hash", "en/benchmark"),
        At = Now,
        Messages = messages,
    };

    private static OutboxMessage Download(Lead lead) => MailOutboxMessages.Create(
        new OutgoingMail(lead.Email!, lead.DisplayName, "Your benchmark", "text " + lead.Email, "<p>html " + lead.Email + "</p>", lead.Language, "download"));

    private static OutboxMessage Captured(LeadCaptureResult result) =>
        new WebhookPayload(WebhookEvents.LeadCaptured, "https://crm.example/hook", $$"""{"email":"{{result.Lead.Email}}","isNew":{{(result.IsNew ? "true" : "false")}}}""").ToMessage(null);

    private static IReadOnlyList<OutboxMessage> MailAndWebhook(LeadCaptureResult result) => [Download(result.Lead), Captured(result)];

    private long Count(string channel) => (long)_database.Scalar($"SELECT COUNT(*) FROM outbox WHERE channel = '{channel}'")!;

    [Fact]
    public async Task A_capture_commits_the_lead_its_mail_and_its_webhook_together()
    {
        var result = await _leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default);

        Assert.Equal(2, result.MessagesQueued);
        var entries = await _outbox.ClaimDueAsync([OutboxChannels.Mail, OutboxChannels.Webhook], Now, 10, TimeSpan.FromMinutes(1), default);
        var mail = MailOutboxMessages.Read(Assert.Single(entries, e => e.Message.Channel == OutboxChannels.Mail).Message);
        Assert.Equal(("ada@example.com", "Ada Lovelace", result.Lead.Id), (mail.To, mail.ToName, mail.LeadId));
        Assert.Matches("^[0-9a-f]{32}$", mail.IdempotencyId);
        var hook = Assert.Single(entries, e => e.Message.Channel == OutboxChannels.Webhook).Message;
        // The callback saw the capture's result before the commit: the webhook knows the lead is new, and carries its id for erasure.
        Assert.Equal(("""{"email":"ada@example.com","isNew":true}""", result.Lead.Id), (WebhookPayload.Read(hook).Body, hook.LeadId));
    }

    [Fact]
    public async Task A_failure_injected_after_the_lead_insert_leaves_neither_lead_mail_nor_webhook()
    {
        var failing = Capture("ada@example.com", result =>
        {
            _ = MailAndWebhook(result);
            throw new InvalidOperationException("template broke");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => _leads.CaptureAsync(failing, default));

        Assert.Null(await _leads.FindByEmailAsync("ada@example.com", default));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM lead_consents"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM lead_visitors"));
        Assert.Equal((0L, 0L), (Count(OutboxChannels.Mail), Count(OutboxChannels.Webhook)));
    }

    [Fact]
    public async Task A_failure_while_storing_the_webhook_rolls_back_the_lead_and_its_mail()
    {
        // The webhook reuses the mail's idempotency id, so the database itself fails (UNIQUE) after the lead and the mail were written.
        var failing = Capture("ada@example.com", result =>
        {
            var mail = Download(result.Lead);
            var hook = Captured(result);
            return [mail, new OutboxMessage(hook.Channel, mail.IdempotencyId, hook.Topic, hook.Payload)];
        });

        await Assert.ThrowsAnyAsync<Exception>(() => _leads.CaptureAsync(failing, default));

        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM outbox"));
        // The store is usable afterwards and the same capture succeeds with all three.
        await _leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default);
        Assert.Equal((1L, 1L, 1L), ((long)_database.Scalar("SELECT COUNT(*) FROM leads")!, Count(OutboxChannels.Mail), Count(OutboxChannels.Webhook)));
    }

    [Fact]
    public async Task Fifty_concurrent_captures_each_leave_a_lead_its_mail_and_its_webhook()
    {
        var captures = Enumerable.Range(0, 50).Select(i => _leads.CaptureAsync(Capture($"lead{i}@example.com", MailAndWebhook), default));

        await Task.WhenAll(captures);

        Assert.Equal(50L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(50L, _database.Scalar("SELECT COUNT(DISTINCT lead_id) FROM outbox WHERE channel = 'mail' AND lead_id IN (SELECT id FROM leads)"));
        Assert.Equal(50L, _database.Scalar("SELECT COUNT(DISTINCT lead_id) FROM outbox WHERE channel = 'webhook' AND lead_id IN (SELECT id FROM leads)"));
    }

    [Fact]
    public async Task Erasure_removes_the_lead_its_mail_and_its_webhooks_in_one_commit()
    {
        var lead = (await _leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default)).Lead;

        Assert.True(await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default));

        var entries = await _outbox.RecentAsync(null, 10, default);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, "lead erased", "{}"), (e.Status, e.LastError, e.Message.Payload)));
        Assert.Equal("", MailOutboxMessages.Read(Assert.Single(entries, e => e.Message.Channel == OutboxChannels.Mail).Message).To);
        Assert.Empty(await _outbox.ClaimDueAsync([OutboxChannels.Mail, OutboxChannels.Webhook], Now, 10, TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task An_erased_address_is_not_left_in_the_database_file_nor_its_wal()
    {
        const string Address = "zq7-unique-erasure-probe@example.com";
        var lead = (await _leads.CaptureAsync(Capture(Address, MailAndWebhook), default)).Lead;
        // Checkpointed once before the erasure, so the address is in the database file's pages, not only in the WAL.
        _database.Scalar("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.True(ContainsInFiles(Address));

        await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);
        _database.Scalar("PRAGMA wal_checkpoint(TRUNCATE)");

        Assert.False(ContainsInFiles(Address));
    }

    private bool ContainsInFiles(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var path in new[] { _database.DatabasePath, _database.DatabasePath + "-wal" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            // Read with sharing: the pooled connections keep the file open.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
