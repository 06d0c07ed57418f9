using JourneyContent.Delivery;
using JourneyContent.Testing;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit.Abstractions;

namespace JourneyContent.Mail.Tests;

public sealed class SmtpDeliveryTests(SmtpServer smtp, ITestOutputHelper output) : IClassFixture<SmtpServer>
{
    private static readonly DateTimeOffset Expiry = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    private IReadOnlyList<MimeMessage> To(string address) =>
        [.. smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == address))];

    private async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (To(address).Count < count && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(25);
        }

        return To(address);
    }

    [Fact]
    public async Task A_download_mail_enqueued_in_the_outbox_is_delivered_by_a_worker_pass_to_the_smtp_server_and_marked_sent()
    {
        await using var harness = await MailHarness.CreateAsync(smtp);
        var to = Unique("ada");
        const string link = "https://journeycontent.test/download/abc123?t=x&y=1";
        var mail = MailTemplates.Download(TestTexts.Catalog, "en", to, "Ada", "The buyer's guide", link, Expiry) with { LeadId = "lead-1" };

        var id = await harness.Outbox.EnqueueAsync(mail, default);
        // One explicit pass, so the test never waits on the worker's timing (the wake-up is tested with the webhook channel).
        Assert.Equal(1, await harness.Worker.DeliverDueAsync(default));

        var message = Assert.Single(await WaitForAsync(to, 1));
        Assert.Equal("Ada", message.To.Mailboxes.Single().Name);
        Assert.Equal("hello@journeycontent.test", message.From.Mailboxes.Single().Address);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://journeycontent.test/download/abc123?t=x&amp;y=1\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(to, message.Headers["X-RcptTo"], StringComparison.Ordinal);

        // The pass recorded the success as soon as the server accepted the message.
        var entry = (await harness.Outbox.RecentAsync(10, default)).Single(e => e.Id == id);
        Assert.Equal(OutboxStatus.Sent, entry.Status);
        Assert.NotNull(entry.SentAt);
    }

    [Fact]
    public async Task A_batch_of_mail_is_sent_over_the_smtp_server_in_one_pass()
    {
        await using var harness = await MailHarness.CreateAsync(smtp, new FakeTimeProvider(Expiry.AddDays(-7)));
        var to = Unique("batch");
        const int count = 25;
        for (var i = 0; i < count; i++)
        {
            await harness.Outbox.EnqueueAsync(MailTemplates.ConfirmAddress(TestTexts.Catalog, "fr", to, "Zoé", $"Guide {i}", $"https://journeycontent.test/confirm/{i}"), default);
        }

        var clock = Stopwatch.StartNew();
        var sent = await harness.Worker.DeliverDueAsync(default);
        clock.Stop();

        Assert.Equal(count, sent);
        Assert.Equal(count, (await WaitForAsync(to, count)).Count);
        Assert.Equal(new OutboxSummary(OutboxChannels.Mail, 0, count, 0, null), await harness.Outbox.SummaryAsync(default));
        output.WriteLine($"{count} messages in {clock.ElapsedMilliseconds} ms: {clock.Elapsed.TotalMilliseconds / count:F1} ms per message.");
    }
}
