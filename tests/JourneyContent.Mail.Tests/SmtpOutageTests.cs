using JourneyContent.Delivery;
using JourneyContent.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Mail.Tests;

public sealed class SmtpOutageTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _smtp.Dispose();

    private static OutgoingMail Mail() =>
        MailTemplates.Download(TestTexts.Catalog, "en", "ada@example.com", "Ada", "Guide", "https://journeycontent.test/d/1", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task With_the_smtp_server_down_the_mail_stays_pending_and_is_delivered_exactly_once_when_it_is_back()
    {
        await using var harness = await MailHarness.CreateAsync(_smtp, _clock);
        _smtp.Stop();
        var id = await harness.Outbox.EnqueueAsync(Mail(), default);

        Assert.Equal(0, await harness.Worker.DeliverDueAsync(default));

        var entry = Assert.Single(await harness.Outbox.RecentAsync(10, default));
        Assert.Equal(id, entry.Id);
        Assert.Equal(OutboxStatus.Pending, entry.Status);
        Assert.Equal(1, entry.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(entry.LastError));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), entry.NextAttemptAt);

        _smtp.Start();
        // Back, but the retry time has not come: nothing is sent early.
        Assert.Equal(0, await harness.Worker.DeliverDueAsync(default));
        Assert.Empty(_smtp.Messages());

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await harness.Worker.DeliverDueAsync(default));
        Assert.Equal(0, await harness.Worker.DeliverDueAsync(default));

        Assert.Single(_smtp.Messages());
        entry = Assert.Single(await harness.Outbox.RecentAsync(10, default));
        Assert.Equal(OutboxStatus.Sent, entry.Status);
        // The failed try and the successful one.
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(_clock.GetUtcNow(), entry.SentAt);
    }

    [Fact]
    public async Task After_the_last_attempt_fails_the_mail_is_given_up()
    {
        await using var harness = await MailHarness.CreateAsync(_smtp, _clock);
        _smtp.Stop();
        await harness.Outbox.EnqueueAsync(Mail(), default);

        var maxAttempts = new MailOptions().Retry.MaxAttempts;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            Assert.Equal(0, await harness.Worker.DeliverDueAsync(default));
            var entry = Assert.Single(await harness.Outbox.RecentAsync(10, default));
            Assert.Equal(attempt, entry.Attempts);
            Assert.Equal(attempt < maxAttempts ? OutboxStatus.Pending : OutboxStatus.Failed, entry.Status);
            _clock.Advance(TimeSpan.FromHours(2));
        }

        _smtp.Start();
        Assert.Equal(0, await harness.Worker.DeliverDueAsync(default));
        Assert.Empty(_smtp.Messages());
        Assert.Equal(new OutboxSummary(OutboxChannels.Mail, 0, 0, 1, null), await harness.Outbox.SummaryAsync(default));
    }

    [Fact]
    public async Task The_configured_retry_settings_decide_the_waits_and_when_mail_is_given_up()
    {
        await using var harness = await MailHarness.CreateAsync(_smtp, _clock, settings: new Dictionary<string, string?>
        {
            ["JourneyContent:Mail:Retry:FirstDelay"] = "00:00:05",
            ["JourneyContent:Mail:Retry:MaxAttempts"] = "2",
        });
        _smtp.Stop();
        await harness.Outbox.EnqueueAsync(Mail(), default);

        await harness.Worker.DeliverDueAsync(default);
        var first = Assert.Single(await harness.Outbox.RecentAsync(10, default));
        _clock.Advance(TimeSpan.FromSeconds(5));
        await harness.Worker.DeliverDueAsync(default);
        var second = Assert.Single(await harness.Outbox.RecentAsync(10, default));

        Assert.Equal((OutboxStatus.Pending, 1, _clock.GetUtcNow()), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Equal((OutboxStatus.Failed, 2), (second.Status, second.Attempts));
    }
}
