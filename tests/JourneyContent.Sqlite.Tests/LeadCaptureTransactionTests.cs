using System.Text;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Webhooks;

namespace JourneyContent.Sqlite.Tests;

/// <summary>A capture commits the lead and its first mail together; an erasure removes the lead, its messages and every trace in the file.</summary>
public sealed class LeadCaptureTransactionTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteLeadStore _leads = null!;
    private SqliteMailOutbox _mail = null!;
    private SqliteWebhookOutbox _webhooks = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _leads = new SqliteLeadStore(_database.Connections, new SqliteJourneyStore(_database.Connections));
        _mail = new SqliteMailOutbox(_database.Connections, _database.Clock);
        _webhooks = new SqliteWebhookOutbox(_database.Connections, _database.Clock);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private LeadCapture Capture(string email, Func<Lead, IReadOnlyList<OutgoingMail>>? mails) => new()
    {
        Email = email,
        Language = "en",
        ContentId = "en/benchmark",
        Profile = new LeadProfile { FirstName = "Ada", LastName = "Lovelace" },
        VisitorId = "v-" + email,
        Consent = new ConsentRecord("I agree to be contacted.", "2026-11", Now, "hash", "en/benchmark"),
        At = Now,
        Mails = mails,
    };

    private static OutgoingMail Download(Lead lead) =>
        new(lead.Email!, lead.DisplayName, "Your benchmark", "text " + lead.Email, "<p>html " + lead.Email + "</p>", lead.Language, "download");

    [Fact]
    public async Task A_capture_commits_the_lead_and_its_mail_together()
    {
        var result = await _leads.CaptureAsync(Capture("ada@example.com", lead => [Download(lead)]), default);

        Assert.Equal(1, result.MailsQueued);
        var entry = Assert.Single(await _mail.DueAsync(Now, 10, default));
        Assert.Equal(("ada@example.com", "Ada Lovelace", result.Lead.Id), (entry.Mail.To, entry.Mail.ToName, entry.Mail.LeadId));
        Assert.Matches("^[0-9a-f]{32}$", entry.Mail.IdempotencyId);
    }

    [Fact]
    public async Task A_failure_while_composing_the_mail_after_the_lead_insert_leaves_neither_lead_nor_mail()
    {
        var failing = Capture("ada@example.com", _ => throw new InvalidOperationException("template broke"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _leads.CaptureAsync(failing, default));

        Assert.Null(await _leads.FindByEmailAsync("ada@example.com", default));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM lead_consents"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM lead_visitors"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM mail_outbox"));
    }

    [Fact]
    public async Task A_failure_while_storing_the_second_mail_rolls_back_the_lead_and_the_first_mail()
    {
        // The second mail breaks a NOT NULL column, so the database itself fails after the lead and the first mail were written.
        var failing = Capture("ada@example.com", lead => [Download(lead), Download(lead) with { Subject = null! }]);

        await Assert.ThrowsAnyAsync<Exception>(() => _leads.CaptureAsync(failing, default));

        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM mail_outbox"));
        // The store is usable afterwards and the same capture succeeds.
        await _leads.CaptureAsync(Capture("ada@example.com", lead => [Download(lead)]), default);
        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM mail_outbox"));
    }

    [Fact]
    public async Task Fifty_concurrent_captures_each_leave_a_lead_and_its_mail()
    {
        var captures = Enumerable.Range(0, 50).Select(i => _leads.CaptureAsync(Capture($"lead{i}@example.com", lead => [Download(lead)]), default));

        await Task.WhenAll(captures);

        Assert.Equal(50L, _database.Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal(50L, _database.Scalar("SELECT COUNT(DISTINCT lead_id) FROM mail_outbox WHERE lead_id IN (SELECT id FROM leads)"));
    }

    [Fact]
    public async Task Erasure_removes_the_lead_its_mail_and_its_webhooks_in_one_commit()
    {
        var lead = (await _leads.CaptureAsync(Capture("ada@example.com", l => [Download(l)]), default)).Lead;
        await _webhooks.EnqueueAsync(WebhookEvents.LeadCaptured, "https://crm.example/hook", """{"email":"ada@example.com"}""", lead.Id, default);

        Assert.True(await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default));

        var mail = Assert.Single(await _mail.RecentAsync(10, default));
        Assert.Equal((OutboxStatus.Failed, "", "recipient erased"), (mail.Status, mail.Mail.To, mail.LastError));
        var hook = Assert.Single(await _webhooks.RecentAsync(10, default));
        Assert.Equal((WebhookStatus.Failed, "{}"), (hook.Status, hook.Body));
        Assert.Empty(await _mail.DueAsync(Now, 10, default));
    }

    [Fact]
    public async Task An_erased_address_is_not_left_in_the_database_file_nor_its_wal()
    {
        const string Address = "zq7-unique-erasure-probe@example.com";
        var lead = (await _leads.CaptureAsync(Capture(Address, l => [Download(l)]), default)).Lead;
        await _webhooks.EnqueueAsync(WebhookEvents.LeadCaptured, "https://crm.example/hook", $$"""{"email":"{{Address}}"}""", lead.Id, default);
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
