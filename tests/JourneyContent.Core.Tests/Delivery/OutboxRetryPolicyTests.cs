using JourneyContent.Delivery;

namespace JourneyContent.Core.Tests.Delivery;

public sealed class OutboxRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(11, 3600)]
    public void Mail_backs_off_doubling_from_thirty_seconds_capped_at_an_hour(int attempts, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), OutboxRetryPolicy.MailDefaults().NextAttempt(attempts, Now));

    [Fact]
    public void Webhooks_wait_30_seconds_then_double_from_one_minute_and_never_more_than_six_hours()
    {
        var policy = OutboxRetryPolicy.WebhookDefaults();

        var delays = Enumerable.Range(1, policy.MaxAttempts - 1).Select(n => policy.NextAttempt(n, Now)!.Value - Now).ToList();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)], delays.Take(5));
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(30), TimeSpan.FromHours(6)));
        Assert.Equal(Now.AddHours(6), new OutboxRetryPolicy { LongestDelay = TimeSpan.FromHours(6), MaxAttempts = 20 }.NextAttempt(15, Now));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(12, 1)]
    [InlineData(10, 0)]
    [InlineData(3, 5)]
    public void After_the_last_attempt_there_is_no_next_one(int maxAttempts, int beyond)
    {
        var policy = new OutboxRetryPolicy { MaxAttempts = maxAttempts };

        Assert.Null(policy.NextAttempt(maxAttempts + beyond, Now));
        Assert.NotNull(policy.NextAttempt(maxAttempts - 1, Now));
    }

    [Fact]
    public void Each_channel_configures_its_own_delays()
    {
        var policy = new OutboxRetryPolicy { FirstDelay = TimeSpan.FromSeconds(5), LongestDelay = TimeSpan.FromMinutes(3), MaxAttempts = 4 };

        Assert.Equal(
            [Now.AddSeconds(5), Now.AddMinutes(1), Now.AddMinutes(2), null],
            Enumerable.Range(1, 4).Select(n => policy.NextAttempt(n, Now)));
        Assert.Equal(Now.AddMinutes(3), new OutboxRetryPolicy { LongestDelay = TimeSpan.FromMinutes(3) }.NextAttempt(9, Now));
    }

    [Fact]
    public void Zero_attempts_is_a_caller_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OutboxRetryPolicy.MailDefaults().NextAttempt(0, Now));

    [Fact]
    public void A_long_run_of_failures_never_overflows() =>
        Assert.Equal(Now.AddHours(1), new OutboxRetryPolicy { MaxAttempts = 100 }.NextAttempt(99, Now));

    [Fact]
    public void Settings_out_of_range_are_reported_with_their_keys()
    {
        var errors = new OutboxRetryPolicy { FirstDelay = TimeSpan.Zero, LongestDelay = TimeSpan.FromDays(30), MaxAttempts = 0 }.Validate("JourneyContent:Mail:Retry");

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("JourneyContent:Mail:Retry:FirstDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("JourneyContent:Mail:Retry:LongestDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("JourneyContent:Mail:Retry:MaxAttempts", StringComparison.Ordinal));
        Assert.Empty(OutboxRetryPolicy.MailDefaults().Validate("x"));
        Assert.Empty(OutboxRetryPolicy.WebhookDefaults().Validate("x"));
    }
}
