namespace JourneyContent.Delivery;

/// <summary>The channels of the outbox: each names an <see cref="IOutboxDelivery"/> and the shape of its payload.</summary>
public static class OutboxChannels
{
    /// <summary>Emails to visitors; the payload is an <see cref="Mail.OutgoingMail"/> (see <see cref="Mail.MailOutboxMessages"/>).</summary>
    public const string Mail = "mail";

    /// <summary>CRM webhooks; the payload is a <see cref="Webhooks.WebhookPayload"/>.</summary>
    public const string Webhook = "webhook";
}
