namespace JourneyContent.Mail;

/// <summary>Where an outbox entry stands.</summary>
public enum OutboxStatus
{
    /// <summary>Not sent yet; sent at its next attempt time.</summary>
    Pending,

    /// <summary>Accepted by the transport.</summary>
    Sent,

    /// <summary>Given up after the last attempt, or its recipient was erased.</summary>
    Failed,
}
