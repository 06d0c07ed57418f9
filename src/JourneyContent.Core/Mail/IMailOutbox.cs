namespace JourneyContent.Mail;

/// <summary>The durable queue every email goes through, so that a mail server outage delays mail instead of losing it.</summary>
public interface IMailOutbox
{
    /// <summary>Stores a mail as pending, due now, and returns its id.</summary>
    Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Pending entries whose next attempt is at or before <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due entries for <paramref name="lease"/> and returns them, oldest first: a worker sends
    /// what it claimed, and no other worker (nor a retry after a crash) claims them again until the lease ends or they are marked.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records that the transport accepted the entry (an attempt, like a failure), and ends its lease.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt (incrementing the attempt count) and ends its lease: the entry stays pending until <paramref name="nextAttemptAt"/>,
    /// or becomes failed when <paramref name="nextAttemptAt"/> is null (given up).
    /// </summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Counts by status.</summary>
    Task<OutboxSummary> SummaryAsync(CancellationToken cancellationToken);

    /// <summary>The latest entries, newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Privacy erasure: removes the address, name, subject and bodies of the lead's mail; pending mail becomes failed
    /// with the error <c>recipient erased</c> so it is never sent. Returns the number of rows changed.
    /// </summary>
    Task<int> EraseRecipientAsync(string leadId, CancellationToken cancellationToken);
}
