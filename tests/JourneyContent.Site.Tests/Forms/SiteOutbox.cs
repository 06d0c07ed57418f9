using JourneyContent.Delivery;
using JourneyContent.Mail;
using JourneyContent.Testing;
using JourneyContent.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>A mail in the site's outbox, read back from its payload.</summary>
internal sealed record QueuedMail(OutgoingMail Mail, OutboxStatus Status);

/// <summary>A webhook in the site's outbox, read back from its payload.</summary>
internal sealed record QueuedWebhook(WebhookPayload Payload, OutboxStatus Status, string? LeadId);

/// <summary>Reads the site's one outbox channel by channel, newest first.</summary>
internal static class SiteOutbox
{
    public static async Task<IReadOnlyList<QueuedMail>> RecentMailAsync(this DemoSite site, int limit) =>
        [.. (await site.Services.GetRequiredService<IOutbox>().RecentAsync(OutboxChannels.Mail, limit, default))
            .Select(e => new QueuedMail(MailOutboxMessages.Read(e.Message), e.Status))];

    public static async Task<IReadOnlyList<QueuedWebhook>> RecentWebhooksAsync(this DemoSite site, int limit) =>
        [.. (await site.Services.GetRequiredService<IOutbox>().RecentAsync(OutboxChannels.Webhook, limit, default))
            .Select(e => new QueuedWebhook(WebhookPayload.Read(e.Message), e.Status, e.Message.LeadId))];
}
