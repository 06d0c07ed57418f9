namespace JourneyContent.Delivery;

/// <summary>A message in the outbox with its delivery state.</summary>
/// <param name="Id">The entry's id, never reused (id order is enqueue order).</param>
/// <param name="Message">The message.</param>
/// <param name="Status">Where delivery stands.</param>
/// <param name="Attempts">How many deliveries were tried so far, the successful one included, in every channel.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="NextAttemptAt">When the worker may try it (again).</param>
/// <param name="SentAt">When the receiver accepted it, if it did.</param>
/// <param name="LastError">The last failure's message, if any.</param>
public sealed record OutboxEntry(long Id, OutboxMessage Message, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);
