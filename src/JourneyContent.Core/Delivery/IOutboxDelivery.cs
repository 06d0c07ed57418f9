namespace JourneyContent.Delivery;

/// <summary>Delivers the messages of one outbox channel (mail through a transport, webhooks over HTTP).</summary>
/// <remarks>The worker routes each claimed message to the delivery of its channel and records the result with that channel's <see cref="Retry"/>.</remarks>
public interface IOutboxDelivery
{
    /// <summary>The channel delivered, one of <see cref="OutboxChannels"/>.</summary>
    string Channel { get; }

    /// <summary>When this channel's failed messages are tried again, and when they are given up.</summary>
    OutboxRetryPolicy Retry { get; }

    /// <summary>Tries one delivery and says how it went; failures are results, not exceptions (an exception counts as a retry).</summary>
    Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Called after each batch, so that a delivery can release what it kept across the batch (an SMTP connection).</summary>
    Task EndBatchAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
