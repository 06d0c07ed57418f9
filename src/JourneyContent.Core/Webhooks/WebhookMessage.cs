namespace JourneyContent.Webhooks;

/// <summary>A webhook message in the outbox.</summary>
/// <param name="Id">The outbox id (the <c>webhook-id</c> header is <see cref="IdempotencyId"/>).</param>
/// <param name="Event">The event name, one of <see cref="WebhookEvents"/>.</param>
/// <param name="Url">The receiver's URL, as configured when the message was queued.</param>
/// <param name="Body">The JSON posted.</param>
/// <param name="LeadId">The lead the message is about, so that erasing a lead can reach its messages; null when about no lead.</param>
/// <param name="Status">Where the delivery is.</param>
/// <param name="Attempts">How many times it was posted.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="NextAttemptAt">When it is due (again).</param>
/// <param name="SentAt">When the receiver accepted it; null until then.</param>
/// <param name="LastError">Why the last attempt failed; null when none failed.</param>
public sealed record WebhookMessage(
    long Id,
    string Event,
    string Url,
    string Body,
    string? LeadId,
    WebhookStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError)
{
    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same on every attempt of this message, so a receiver can ignore a repeat.</summary>
    public string IdempotencyId { get; init; } = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"msg_{Id}");
}

/// <summary>How many outbox messages are in each status, for the back office.</summary>
/// <param name="Pending">Messages waiting for an attempt.</param>
/// <param name="Sent">Messages delivered.</param>
/// <param name="Failed">Messages given up.</param>
public sealed record WebhookSummary(int Pending, int Sent, int Failed);
