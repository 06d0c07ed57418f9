using JourneyContent.Delivery;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.StoreContracts;

/// <summary>A capture commits the lead, its first mail and its webhook together, and an erasure removes them together, whatever the database.</summary>
public abstract class LeadCaptureTransactionContract : IAsyncLifetime
{
    private (ILeadStore Leads, IOutbox Outbox)? _stores;

    /// <summary>The clock of the data set, from a Monday morning in March 2026.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The lead store under test.</summary>
    protected ILeadStore Leads => (_stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.")).Leads;

    /// <summary>The outbox on the same database.</summary>
    protected IOutbox Outbox => (_stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.")).Outbox;

    private DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A lead store and the outbox on <see cref="Clock"/>, on a new, migrated, empty database.</summary>
    protected abstract Task<(ILeadStore Leads, IOutbox Outbox)> CreateStoresAsync();

    /// <summary>Removes the database of <see cref="CreateStoresAsync"/>.</summary>
    protected abstract Task DeleteStoresAsync();

    /// <summary>The single value of a query run on the database directly.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    /// <inheritdoc />
    public async Task InitializeAsync() => _stores = await CreateStoresAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoresAsync();

    /// <summary>A capture of <paramref name="email"/> that queues what <paramref name="messages"/> composes.</summary>
    protected LeadCapture Capture(string email, Func<LeadCaptureResult, IReadOnlyList<OutboxMessage>>? messages) => new()
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

    /// <summary>The download mail and the captured webhook of a capture.</summary>
    protected static IReadOnlyList<OutboxMessage> MailAndWebhook(LeadCaptureResult result) => [Download(result.Lead), Captured(result)];

    private async Task<long> CountAsync(string channel) => (long)(await ScalarAsync($"SELECT COUNT(*) FROM outbox WHERE channel = '{channel}'"))!;

    [Fact]
    public async Task A_capture_commits_the_lead_its_mail_and_its_webhook_together()
    {
        var result = await Leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default);

        Assert.Equal(2, result.MessagesQueued);
        var entries = await Outbox.ClaimDueAsync([OutboxChannels.Mail, OutboxChannels.Webhook], Now, 10, TimeSpan.FromMinutes(1), default);
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

        await Assert.ThrowsAsync<InvalidOperationException>(() => Leads.CaptureAsync(failing, default));

        Assert.Null(await Leads.FindByEmailAsync("ada@example.com", default));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM lead_consents"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM lead_visitors"));
        Assert.Equal((0L, 0L), (await CountAsync(OutboxChannels.Mail), await CountAsync(OutboxChannels.Webhook)));
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

        await Assert.ThrowsAnyAsync<Exception>(() => Leads.CaptureAsync(failing, default));

        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM outbox"));
        // The store is usable afterwards and the same capture succeeds with all three.
        await Leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default);
        Assert.Equal((1L, 1L, 1L), ((long)(await ScalarAsync("SELECT COUNT(*) FROM leads"))!, await CountAsync(OutboxChannels.Mail), await CountAsync(OutboxChannels.Webhook)));
    }

    [Fact]
    public async Task Fifty_concurrent_captures_each_leave_a_lead_its_mail_and_its_webhook()
    {
        var captures = Enumerable.Range(0, 50).Select(i => Leads.CaptureAsync(Capture($"lead{i}@example.com", MailAndWebhook), default));

        await Task.WhenAll(captures);

        Assert.Equal(50L, await ScalarAsync("SELECT COUNT(*) FROM leads"));
        Assert.Equal(50L, await ScalarAsync("SELECT COUNT(DISTINCT lead_id) FROM outbox WHERE channel = 'mail' AND lead_id IN (SELECT id FROM leads)"));
        Assert.Equal(50L, await ScalarAsync("SELECT COUNT(DISTINCT lead_id) FROM outbox WHERE channel = 'webhook' AND lead_id IN (SELECT id FROM leads)"));
    }

    [Fact]
    public async Task Erasure_removes_the_lead_its_mail_and_its_webhooks_in_one_commit()
    {
        var lead = (await Leads.CaptureAsync(Capture("ada@example.com", MailAndWebhook), default)).Lead;

        Assert.True(await Leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default));

        var entries = await Outbox.RecentAsync(null, 10, default);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, "lead erased", "{}"), (e.Status, e.LastError, e.Message.Payload)));
        Assert.Equal("", MailOutboxMessages.Read(Assert.Single(entries, e => e.Message.Channel == OutboxChannels.Mail).Message).To);
        Assert.Empty(await Outbox.ClaimDueAsync([OutboxChannels.Mail, OutboxChannels.Webhook], Now, 10, TimeSpan.FromMinutes(1), default));
    }
}
