namespace JourneyContent.Delivery;

/// <summary>
/// When an outbox message that failed is tried again, one policy for every channel (mail, webhooks) with its own
/// settings: <see cref="FirstDelay"/> after the first failure, then 1, 2, 4, 8 … minutes, capped at
/// <see cref="LongestDelay"/>, and given up after <see cref="MaxAttempts"/> attempts.
/// </summary>
/// <remarks>
/// Exponential back-off bridges a short outage within seconds without hammering a server that is down for hours.
/// Each channel binds its own instance (<c>JourneyContent:Mail:Retry</c>, <c>JourneyContent:Webhooks:Retry</c>),
/// because a CRM that rate-limits deserves longer waits than a mail relay.
/// </remarks>
public sealed class OutboxRetryPolicy
{
    /// <summary>The wait after the first failed attempt (default 30 s).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan LongestDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many attempts a message gets, the first included, before it is given up.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Mail's defaults: 30 s, capped at 1 h, 12 attempts (about 4 h of retrying).</summary>
    public static OutboxRetryPolicy MailDefaults() => new();

    /// <summary>Webhooks' defaults: 30 s, capped at 6 h, 10 attempts (about 8 h of retrying).</summary>
    public static OutboxRetryPolicy WebhookDefaults() => new() { LongestDelay = TimeSpan.FromHours(6), MaxAttempts = 10 };

    /// <summary>
    /// The time of the next attempt after <paramref name="attemptsSoFar"/> failed attempts (counting the one that just
    /// failed): <see cref="FirstDelay"/> after the first, then 1, 2, 4 … minutes capped at <see cref="LongestDelay"/>;
    /// null once <see cref="MaxAttempts"/> attempts failed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attemptsSoFar"/> is not positive: no attempt failed yet.</exception>
    public DateTimeOffset? NextAttempt(int attemptsSoFar, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attemptsSoFar);
        if (attemptsSoFar >= MaxAttempts)
        {
            return null;
        }

        if (attemptsSoFar == 1)
        {
            return now + FirstDelay;
        }

        // 2 → 1 min, 3 → 2 min …; the exponent is bounded so that the shift never overflows.
        var delay = TimeSpan.FromMinutes(1L << Math.Min(attemptsSoFar - 2, 30));
        return now + (delay > LongestDelay ? LongestDelay : delay);
    }

    /// <summary>The problems with these settings, each naming its key under <paramref name="section"/>; empty when valid.</summary>
    /// <param name="section">The configuration section the policy is bound from, for example <c>JourneyContent:Mail:Retry</c>.</param>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (FirstDelay <= TimeSpan.Zero || FirstDelay > TimeSpan.FromDays(1))
        {
            errors.Add($"{section}:{nameof(FirstDelay)} must be more than 0 and at most 1 day (was '{FirstDelay}').");
        }

        if (LongestDelay < FirstDelay || LongestDelay > TimeSpan.FromDays(7))
        {
            errors.Add($"{section}:{nameof(LongestDelay)} must be at least {nameof(FirstDelay)} and at most 7 days (was '{LongestDelay}').");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add($"{section}:{nameof(MaxAttempts)} must be between 1 and 100 (was {MaxAttempts}).");
        }

        return errors;
    }
}
