namespace JourneyContent.Webhooks;

/// <summary>Where a webhook message is in its delivery.</summary>
public enum WebhookStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver answered with a 2xx status.</summary>
    Sent,

    /// <summary>Given up: too many attempts, the receiver answered 410 Gone, or the lead was erased.</summary>
    Failed,
}
