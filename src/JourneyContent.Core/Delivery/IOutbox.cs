namespace JourneyContent.Delivery;

/// <summary>
/// The one durable queue of every outgoing message (mail, webhooks): requests only enqueue, and a background worker
/// delivers, so that an outage of a mail server or a CRM delays messages instead of losing them.
/// </summary>
/// <remarks>
/// The store also writes messages inside a business transaction (the lead store writes a captured lead's mail and
/// webhook with the lead), so a change and the messages it causes commit together.
/// </remarks>
public interface IOutbox
{
    /// <summary>Stores a message as pending, due now, and returns its id.</summary>
    Task<long> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due pending messages of <paramref name="channels"/> for <paramref name="lease"/> and
    /// returns them, the longest waiting first: no other worker (nor a retry after a crash) claims them again until the lease
    /// ends or they are marked. Messages of other channels are left alone.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(IReadOnlyCollection<string> channels, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a delivery (an attempt): the message becomes sent and its lease ends. Does nothing unless it is pending.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt (incrementing the attempt count) and ends the lease: the message stays pending until
    /// <paramref name="nextAttemptAt"/>, or becomes failed when it is null (given up). Does nothing unless it is pending.
    /// </summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Counts by status, one summary per channel that holds messages.</summary>
    Task<IReadOnlyList<OutboxSummary>> SummaryAsync(CancellationToken cancellationToken);

    /// <summary>The latest messages of <paramref name="channel"/> (all channels when null), newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> RecentAsync(string? channel, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Privacy erasure: the lead's messages keep no personal data (their payload becomes <c>{}</c>) and the pending ones
    /// become failed with the error <c>lead erased</c>, so nothing about the lead is sent afterwards. Returns how many changed.
    /// </summary>
    Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken);
}
