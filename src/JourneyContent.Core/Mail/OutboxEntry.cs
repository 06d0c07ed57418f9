namespace JourneyContent.Mail;

/// <summary>An email in the outbox with its delivery state.</summary>
/// <param name="Id">The entry's id, never reused.</param>
/// <param name="Mail">The email.</param>
/// <param name="Status">Where delivery stands.</param>
/// <param name="Attempts">How many sends were tried so far, the successful one included (the same meaning as for webhooks).</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="NextAttemptAt">When the sender may try it (again).</param>
/// <param name="SentAt">When the transport accepted it, if it did.</param>
/// <param name="LastError">The last failure's message, if any.</param>
public sealed record OutboxEntry(long Id, OutgoingMail Mail, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);
