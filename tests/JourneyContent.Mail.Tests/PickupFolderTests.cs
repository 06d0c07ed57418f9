using JourneyContent.Delivery;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JourneyContent.Mail.Tests;

public sealed class PickupFolderTests
{
    [Fact]
    public async Task Without_smtp_settings_mail_is_written_as_a_valid_eml_file_into_the_pickup_folder()
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null);
        Assert.IsType<PickupFolderTransport>(harness.Transport);
        var mail = MailTemplates.Download(TestTexts.Catalog, "fr", "zoe@example.com", "Zoé", "Le guide", "https://journeycontent.test/d/9", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));

        await harness.Outbox.EnqueueAsync(mail, default);
        Assert.Equal(1, await harness.Worker.DeliverDueAsync(default));

        var files = Directory.GetFiles(harness.PickupPath, "*.eml");
        var file = Assert.Single(files);
        Assert.Matches(@"^\d{8}T\d{9}-nolead-[0-9a-f]{32}\.eml$", Path.GetFileName(file));
        Assert.Single(Directory.GetFiles(harness.PickupPath));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("zoe@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal(mail.TextBody, message.TextBody);
        Assert.Equal(mail.HtmlBody, message.HtmlBody);
        Assert.Contains("https://journeycontent.test/d/9", message.TextBody, StringComparison.Ordinal);
    }

    private const string LeadA = "0123456789abcdef0123456789abcdef";
    private const string LeadB = "fedcba9876543210fedcba9876543210";

    private static OutgoingMail MailTo(string address, string leadId) =>
        MailTemplates.Download(TestTexts.Catalog, "en", address, "Ada", "The guide", "https://journeycontent.test/d/1", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)) with { LeadId = leadId };

    [Fact]
    public async Task A_mail_file_is_named_by_its_lead_and_idempotency_id_and_its_message_id_derives_from_that_id()
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null);
        await harness.Outbox.EnqueueAsync(MailTo("ada@example.com", LeadA), default);

        Assert.Equal(1, await harness.Worker.DeliverDueAsync(default));

        var entry = Assert.Single(await harness.Outbox.RecentAsync(10, default));
        var file = Assert.Single(Directory.GetFiles(harness.PickupPath, "*.eml"));
        Assert.EndsWith($"-{LeadA}-{entry.Message.IdempotencyId}.eml", file, StringComparison.Ordinal);
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal($"{entry.Message.IdempotencyId}.journeycontent@journeycontent.test", message.MessageId);
    }

    [Fact]
    public async Task A_message_sent_again_after_a_crash_replaces_its_file_instead_of_adding_one()
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null);
        var mail = MailTo("ada@example.com", LeadA) with { IdempotencyId = "00112233445566778899aabbccddeeff" };

        await harness.Transport.SendAsync(mail, default);
        await harness.Transport.SendAsync(mail, default);

        var file = Assert.Single(Directory.GetFiles(harness.PickupPath));
        Assert.EndsWith("-00112233445566778899aabbccddeeff.eml", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_lead_deletes_its_mail_files_and_no_other()
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null);
        await harness.Outbox.EnqueueAsync(MailTo("ada@example.com", LeadA), default);
        await harness.Outbox.EnqueueAsync(MailTo("ada@example.com", LeadA), default);
        await harness.Outbox.EnqueueAsync(MailTo("bob@example.com", LeadB), default);
        await harness.Worker.DeliverDueAsync(default);
        var eraser = Assert.Single(harness.Host.Services.GetServices<JourneyContent.Leads.ILeadErasureParticipant>());

        Assert.Equal(2, await eraser.EraseLeadAsync(LeadA, default));
        Assert.Equal(0, await eraser.EraseLeadAsync(LeadA, default));

        var left = Assert.Single(Directory.GetFiles(harness.PickupPath));
        Assert.Contains(LeadB, left, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(harness.PickupPath), f => File.ReadAllText(f).Contains("ada@example.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("../*")]
    [InlineData("")]
    [InlineData("0123-*")]
    public async Task A_lead_id_that_is_not_hexadecimal_deletes_nothing(string leadId)
    {
        await using var harness = await MailHarness.CreateAsync(smtp: null);
        await harness.Outbox.EnqueueAsync(MailTo("ada@example.com", LeadA), default);
        await harness.Worker.DeliverDueAsync(default);
        var eraser = Assert.Single(harness.Host.Services.GetServices<JourneyContent.Leads.ILeadErasureParticipant>());

        Assert.Equal(0, await eraser.EraseLeadAsync(leadId, default));

        Assert.Single(Directory.GetFiles(harness.PickupPath));
    }
}
