namespace JourneyContent.Mail;

/// <summary>When to try a failed mail again: exponential back-off, so a short outage is bridged quickly and a long one is not hammered.</summary>
public static class MailRetryPolicy
{
    /// <summary>Attempts after which the outbox gives up (about 4 h of retrying in total).</summary>
    public const int MaxAttempts = 12;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <summary>
    /// The time of the next attempt after <paramref name="attemptsSoFar"/> failed attempts (counting the one that just failed):
    /// 30 s after the first, then 1, 2, 4, 8 … minutes, capped at 1 h; null once <see cref="MaxAttempts"/> attempts failed.
    /// </summary>
    public static DateTimeOffset? NextAttempt(int attemptsSoFar, DateTimeOffset now)
    {
        if (attemptsSoFar >= MaxAttempts)
        {
            return null;
        }

        if (attemptsSoFar <= 1)
        {
            return now + First;
        }

        // 2 → 1 min, 3 → 2 min …; the exponent is bounded so the shift never overflows.
        var minutes = 1L << Math.Min(attemptsSoFar - 2, 16);
        var delay = TimeSpan.FromMinutes(minutes);
        return now + (delay > Cap ? Cap : delay);
    }
}
