namespace JourneyContent.Mail;

/// <summary>Counts of the outbox by status, for the back office's health view.</summary>
/// <param name="Pending">Entries still to send.</param>
/// <param name="Sent">Entries sent.</param>
/// <param name="Failed">Entries given up.</param>
/// <param name="OldestPendingAt">When the oldest pending entry was enqueued: a stuck outbox shows here first.</param>
public sealed record OutboxSummary(int Pending, int Sent, int Failed, DateTimeOffset? OldestPendingAt);
