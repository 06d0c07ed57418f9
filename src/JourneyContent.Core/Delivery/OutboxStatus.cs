namespace JourneyContent.Delivery;

/// <summary>Where an outbox message stands; the one status machine of every channel.</summary>
/// <remarks>
/// <see cref="Pending"/> → <see cref="Sent"/> when a delivery succeeds; <see cref="Pending"/> → <see cref="Pending"/> (later)
/// when it should be retried; <see cref="Pending"/> → <see cref="Failed"/> when it is given up or its lead is erased. Sent and
/// failed are final: nothing moves a message out of them, so a message erased while it was being delivered stays erased.
/// </remarks>
public enum OutboxStatus
{
    /// <summary>Not delivered yet; tried at its next attempt time.</summary>
    Pending,

    /// <summary>Accepted by the receiver (the mail transport, the webhook's 2xx).</summary>
    Sent,

    /// <summary>Given up after the last attempt, refused for good (410 Gone), or its lead was erased.</summary>
    Failed,
}
