namespace JourneyContent.Mail;

/// <summary>The durable queue every email goes through, so that a mail server outage delays mail instead of losing it.</summary>
public interface IMailOutbox
{
    /// <summary>Stores a mail as pending, due now, and returns its id.</summary>
    Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Pending entries whose next attempt is at or before <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records that the transport accepted the entry.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt (incrementing the attempt count): the entry stays pending until <paramref name="nextAttemptAt"/>,
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
