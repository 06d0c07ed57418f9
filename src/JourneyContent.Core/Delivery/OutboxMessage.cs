using System.Security.Cryptography;

namespace JourneyContent.Delivery;

/// <summary>One message to deliver through the outbox, of any channel.</summary>
/// <remarks>
/// Delivery is at least once: a crash between a delivery and its record delivers the message again. The
/// <see cref="IdempotencyId"/> is the same on every attempt (mail derives its <c>Message-ID</c> and pickup file name from
/// it, webhooks send it as <c>webhook-id</c>), so a receiver recognises a repeat.
/// </remarks>
public sealed record OutboxMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="channel">One of <see cref="OutboxChannels"/> (or a site's own channel with its own <see cref="IOutboxDelivery"/>).</param>
    /// <param name="idempotencyId">The id that stays the same on every attempt; unique in the outbox.</param>
    /// <param name="topic">What the message is about, for the health view and logs (the mail's purpose, the webhook's event); never personal data.</param>
    /// <param name="payload">The JSON the channel's delivery reads.</param>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public OutboxMessage(string channel, string idempotencyId, string topic, string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        Channel = channel;
        IdempotencyId = idempotencyId;
        Topic = topic;
        Payload = payload;
    }

    /// <summary>The channel, which picks the delivery.</summary>
    public string Channel { get; }

    /// <summary>The id that stays the same on every attempt.</summary>
    public string IdempotencyId { get; }

    /// <summary>What the message is about (mail purpose, webhook event).</summary>
    public string Topic { get; }

    /// <summary>The JSON the delivery reads; <c>{}</c> once the lead is erased.</summary>
    public string Payload { get; }

    /// <summary>The lead the message is about, so that erasing the lead reaches it; null when about no lead.</summary>
    public string? LeadId { get; init; }

    /// <summary>A new random idempotency id: 32 lower-case hex digits, after <paramref name="prefix"/>.</summary>
    public static string NewIdempotencyId(string prefix = "") => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
