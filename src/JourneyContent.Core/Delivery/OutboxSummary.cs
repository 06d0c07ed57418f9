namespace JourneyContent.Delivery;

/// <summary>Counts of one channel of the outbox by status, for the back office's health view and monitoring.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Pending">Messages still to deliver.</param>
/// <param name="Sent">Messages delivered.</param>
/// <param name="Failed">Messages given up.</param>
/// <param name="OldestPendingAt">When the oldest pending message was enqueued: a stuck channel shows here first.</param>
public sealed record OutboxSummary(string Channel, int Pending, int Sent, int Failed, DateTimeOffset? OldestPendingAt)
{
    /// <summary>The summary of <paramref name="channel"/> in <paramref name="summaries"/>, or zeros when it holds no message.</summary>
    public static OutboxSummary Of(IEnumerable<OutboxSummary> summaries, string channel)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return summaries.FirstOrDefault(s => s.Channel == channel) ?? new OutboxSummary(channel, 0, 0, 0, null);
    }
}
