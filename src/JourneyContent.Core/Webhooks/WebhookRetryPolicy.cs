namespace JourneyContent.Webhooks;

/// <summary>
/// When a failed webhook is tried again: 30 s after the first failure, then 1, 2, 4, 8 … minutes, capped at 6 hours,
/// and never after <see cref="MaxAttempts"/> attempts.
/// </summary>
/// <remarks>Exponential back-off lets a CRM that is down or rate-limiting recover instead of being hammered, while a short blip costs only seconds.</remarks>
public static class WebhookRetryPolicy
{
    /// <summary>How many attempts a message gets before it is given up.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    /// <summary>
    /// When to try again after <paramref name="attemptsSoFar"/> failed attempts (counting the one that just failed),
    /// or null to give up.
    /// </summary>
    public static DateTimeOffset? NextAttempt(int attemptsSoFar, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attemptsSoFar);
        if (attemptsSoFar >= MaxAttempts)
        {
            return null;
        }

        if (attemptsSoFar == 1)
        {
            return now + First;
        }

        // 2 -> 1 min, 3 -> 2 min, 4 -> 4 min …; the exponent is bounded so that the shift cannot overflow if MaxAttempts grows.
        var minutes = 1L << Math.Min(attemptsSoFar - 2, 30);
        var delay = TimeSpan.FromMinutes(minutes);
        return now + (delay > Longest ? Longest : delay);
    }
}
