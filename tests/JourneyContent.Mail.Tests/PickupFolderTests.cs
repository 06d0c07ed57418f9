using System.Diagnostics;
using MimeKit;

namespace JourneyContent.Mail.Tests;

public sealed class PickupFolderTests
{
    [Fact]
    public async Task Without_smtp_settings_mail_is_written_as_a_valid_eml_file_into_the_pickup_folder()
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null, start: true);
        Assert.IsType<PickupFolderTransport>(harness.Transport);
        var mail = MailTemplates.Download(TestTexts.Catalog, "fr", "zoe@example.com", "Zoé", "Le guide", "https://journeycontent.test/d/9", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));

        await harness.Outbox.EnqueueAsync(mail, default);
        harness.Sender.Wake();

        var deadline = Stopwatch.StartNew();
        string[] files = [];
        while (files.Length == 0 && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(25);
            files = Directory.Exists(harness.PickupPath) ? Directory.GetFiles(harness.PickupPath, "*.eml") : [];
        }

        var file = Assert.Single(files);
        Assert.Matches(@"^\d{8}T\d{9}-[0-9a-f]{32}\.eml$", Path.GetFileName(file));
        Assert.Single(Directory.GetFiles(harness.PickupPath));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("zoe@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal(mail.TextBody, message.TextBody);
        Assert.Equal(mail.HtmlBody, message.HtmlBody);
        Assert.Contains("https://journeycontent.test/d/9", message.TextBody, StringComparison.Ordinal);
    }
}
