using System.Text.Json;
using JourneyContent.Delivery;

namespace JourneyContent.Webhooks;

/// <summary>What a webhook message of the outbox's <see cref="OutboxChannels.Webhook"/> channel carries.</summary>
/// <param name="Event">The event name, one of <see cref="WebhookEvents"/>.</param>
/// <param name="Url">The receiver's URL, as configured when the message was queued.</param>
/// <param name="Body">The JSON posted, kept as the exact text that is signed.</param>
public sealed record WebhookPayload(string Event, string Url, string Body)
{
    /// <summary>The prefix of a webhook's idempotency id (<c>webhook-id</c>), as the Standard Webhooks examples use.</summary>
    public const string IdPrefix = "msg_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outbox message of this payload about <paramref name="leadId"/>, with a new <c>msg_…</c> idempotency id; its topic is the event.</summary>
    public OutboxMessage ToMessage(string? leadId) =>
        new(OutboxChannels.Webhook, OutboxMessage.NewIdempotencyId(IdPrefix), Event, JsonSerializer.Serialize(this, Json)) { LeadId = leadId };

    /// <summary>The payload of <paramref name="message"/>; an erased payload (<c>{}</c>) reads with empty values.</summary>
    /// <exception cref="ArgumentException">The message is not of the webhook channel.</exception>
    /// <exception cref="JsonException">The payload is not a webhook's JSON.</exception>
    public static WebhookPayload Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != OutboxChannels.Webhook)
        {
            throw new ArgumentException($"The message is of the '{message.Channel}' channel, not '{OutboxChannels.Webhook}'.", nameof(message));
        }

        var stored = JsonSerializer.Deserialize<Stored>(message.Payload, Json);
        return new WebhookPayload(stored?.Event ?? message.Topic, stored?.Url ?? "", stored?.Body ?? "");
    }

    private sealed record Stored(string? Event, string? Url, string? Body);
}
