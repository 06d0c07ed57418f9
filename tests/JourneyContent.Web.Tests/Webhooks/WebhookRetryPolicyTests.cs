using JourneyContent.Webhooks;

namespace JourneyContent.Web.Tests.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retries_wait_30_seconds_then_double_from_one_minute()
    {
        var delays = Enumerable.Range(1, 5).Select(n => WebhookRetryPolicy.NextAttempt(n, Now) - Now);

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)],
            delays.Select(d => d!.Value));
    }

    [Fact]
    public void No_wait_exceeds_six_hours_and_the_maximum_attempt_gives_up()
    {
        for (var attempts = 1; attempts < WebhookRetryPolicy.MaxAttempts; attempts++)
        {
            Assert.InRange(WebhookRetryPolicy.NextAttempt(attempts, Now)!.Value - Now, TimeSpan.FromSeconds(30), TimeSpan.FromHours(6));
        }

        Assert.Null(WebhookRetryPolicy.NextAttempt(WebhookRetryPolicy.MaxAttempts, Now));
        Assert.Null(WebhookRetryPolicy.NextAttempt(WebhookRetryPolicy.MaxAttempts + 1, Now));
    }

    [Fact]
    public void Zero_attempts_is_a_caller_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetryPolicy.NextAttempt(0, Now));
    }
}
