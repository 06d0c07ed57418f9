namespace JourneyContent.Mail.Tests;

public sealed class MailRetryPolicyTests
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
    public void The_back_off_doubles_from_thirty_seconds_and_is_capped_at_an_hour(int attempts, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), MailRetryPolicy.NextAttempt(attempts, Now));

    [Theory]
    [InlineData(MailRetryPolicy.MaxAttempts)]
    [InlineData(MailRetryPolicy.MaxAttempts + 1)]
    public void After_the_last_attempt_there_is_no_next_one(int attempts) =>
        Assert.Null(MailRetryPolicy.NextAttempt(attempts, Now));
}
