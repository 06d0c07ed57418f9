namespace JourneyContent.Webhooks;

/// <summary>
/// The durable queue of webhook messages: requests only queue them, and a background dispatcher posts them,
/// so that a visitor never waits for a CRM and a CRM outage loses nothing.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Queues a message, due now, and returns its id.</summary>
    Task<long> EnqueueAsync(string eventName, string url, string body, string? leadId, CancellationToken cancellationToken);

    /// <summary>The pending messages due at <paramref name="now"/>, the longest waiting first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WebhookMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due entries for <paramref name="lease"/> and returns them, oldest first: a worker sends
    /// what it claimed, and no other worker (nor a retry after a crash) claims them again until the lease ends or they are marked.
    /// </summary>
    Task<IReadOnlyList<WebhookMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a delivery: the message becomes sent and its attempts are incremented. Does nothing unless the message is pending.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: increments attempts and keeps <paramref name="error"/>; the message is due again at
    /// <paramref name="nextAttemptAt"/>, or failed (given up) when it is null. Does nothing unless the message is pending.
    /// </summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>How many messages are in each status.</summary>
    Task<WebhookSummary> SummaryAsync(CancellationToken cancellationToken);

    /// <summary>The most recently queued messages, newest first.</summary>
    Task<IReadOnlyList<WebhookMessage>> RecentAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Privacy erasure: the lead's messages keep no personal data (their body becomes <c>{}</c>) and the pending ones
    /// become failed with the error <c>lead erased</c>, so nothing about the lead is sent afterwards. Returns how many messages changed.
    /// </summary>
    Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken);
}
