using JourneyContent.Editing;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Core.Tests.Editing;

public sealed class SignInLockoutPolicyTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInLockoutPolicy _policy = new();

    private static EditorAccount NewAccount() => new() { Email = "ada@example.com", Roles = [JourneyRoles.Editor] };

    private EditorAccount FailTimes(EditorAccount account, int times, TimeSpan spacing)
    {
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                _clock.Advance(spacing);
            }

            account = _policy.Apply(account, _clock.GetUtcNow(), passwordMatched: false);
        }

        return account;
    }

    [Fact]
    public void Defaults_are_five_failures_within_fifteen_minutes_locking_for_fifteen_minutes()
    {
        Assert.Equal(5, _policy.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(15), _policy.FailureWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), _policy.LockoutDuration);
    }

    // failures, minutes between them, locked after the last one
    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(4, 1, false)]
    [InlineData(5, 0, true)]
    [InlineData(5, 1, true)]
    [InlineData(5, 3.75, true)] // the fifth lands exactly 15 minutes after the first: the window is inclusive
    [InlineData(5, 4, false)] // the fifth lands 16 minutes after the first: a new run has started
    public void Failures_lock_the_account_only_when_enough_of_them_fall_within_the_window(int failures, double minutesBetween, bool locked)
    {
        var account = FailTimes(NewAccount(), failures, TimeSpan.FromMinutes(minutesBetween));

        Assert.Equal(locked, _policy.IsLockedOut(account, _clock.GetUtcNow()));
    }

    [Fact]
    public void The_lock_lasts_the_lockout_duration_from_the_failure_that_caused_it()
    {
        var account = FailTimes(NewAccount(), 5, TimeSpan.FromSeconds(10));

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(15), account.LockedOutUntil);
        Assert.Equal(0, account.FailedSignInCount);
        Assert.Null(account.FirstFailedSignInAt);
    }

    [Fact]
    public void A_locked_account_refuses_the_right_password_until_LockedOutUntil_then_accepts_it()
    {
        var locked = FailTimes(NewAccount(), 5, TimeSpan.FromSeconds(10));
        var until = locked.LockedOutUntil!.Value;

        var justBefore = _policy.Apply(locked, until - TimeSpan.FromTicks(1), passwordMatched: true);
        Assert.Same(locked, justBefore);
        Assert.True(_policy.IsLockedOut(justBefore, until - TimeSpan.FromTicks(1)));
        Assert.Null(justBefore.LastSignInAt);

        var atTheEnd = _policy.Apply(locked, until, passwordMatched: true);
        Assert.False(_policy.IsLockedOut(atTheEnd, until));
        Assert.Null(atTheEnd.LockedOutUntil);
        Assert.Equal(until, atTheEnd.LastSignInAt);
    }

    [Fact]
    public void Failures_during_the_lock_neither_count_nor_extend_it()
    {
        var locked = FailTimes(NewAccount(), 5, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var stillLocked = FailTimes(locked, 10, TimeSpan.FromSeconds(1));

        Assert.Equal(locked.LockedOutUntil, stillLocked.LockedOutUntil);
        Assert.Equal(0, stillLocked.FailedSignInCount);
    }

    [Fact]
    public void After_the_lock_the_owner_has_a_fresh_set_of_attempts()
    {
        var locked = FailTimes(NewAccount(), 5, TimeSpan.FromSeconds(10));
        _clock.SetUtcNow(locked.LockedOutUntil!.Value);

        var afterFour = FailTimes(locked, 4, TimeSpan.FromSeconds(10));
        Assert.False(_policy.IsLockedOut(afterFour, _clock.GetUtcNow()));
        Assert.Equal(4, afterFour.FailedSignInCount);
        Assert.Null(afterFour.LockedOutUntil);

        _clock.Advance(TimeSpan.FromSeconds(10));
        var afterFive = _policy.Apply(afterFour, _clock.GetUtcNow(), passwordMatched: false);
        Assert.True(_policy.IsLockedOut(afterFive, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_success_resets_the_count_so_earlier_failures_no_longer_count()
    {
        var account = FailTimes(NewAccount(), 4, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(10));
        account = _policy.Apply(account, _clock.GetUtcNow(), passwordMatched: true);

        Assert.Equal(0, account.FailedSignInCount);
        Assert.Null(account.FirstFailedSignInAt);
        Assert.Equal(_clock.GetUtcNow(), account.LastSignInAt);

        _clock.Advance(TimeSpan.FromSeconds(10));
        account = FailTimes(account, 4, TimeSpan.FromSeconds(10));
        Assert.False(_policy.IsLockedOut(account, _clock.GetUtcNow()));
        Assert.Equal(4, account.FailedSignInCount);
    }

    [Fact]
    public void A_failure_after_the_window_starts_a_new_run_at_one()
    {
        var account = FailTimes(NewAccount(), 3, TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(30));

        account = _policy.Apply(account, _clock.GetUtcNow(), passwordMatched: false);

        Assert.Equal(1, account.FailedSignInCount);
        Assert.Equal(_clock.GetUtcNow(), account.FirstFailedSignInAt);
    }

    [Fact]
    public void The_policy_changes_only_sign_in_fields()
    {
        var account = NewAccount() with { DisplayName = "Ada", PasswordHash = "hash", SecurityStamp = "stamp", CreatedAt = _clock.GetUtcNow() };

        var failed = _policy.RecordFailure(account, _clock.GetUtcNow());
        var succeeded = _policy.RecordSuccess(failed, _clock.GetUtcNow());

        Assert.Equal(account with { LastSignInAt = _clock.GetUtcNow() }, succeeded);
    }

    [Fact]
    public void A_custom_policy_applies_its_own_numbers()
    {
        var policy = new SignInLockoutPolicy(maxFailures: 2, failureWindow: TimeSpan.FromMinutes(1), lockoutDuration: TimeSpan.FromHours(1));
        var now = _clock.GetUtcNow();

        var account = policy.Apply(policy.Apply(NewAccount(), now, false), now + TimeSpan.FromSeconds(30), false);

        Assert.Equal(now + TimeSpan.FromSeconds(30) + TimeSpan.FromHours(1), account.LockedOutUntil);
    }

    [Theory]
    [InlineData(0, 15, 15, "maxFailures")]
    [InlineData(-1, 15, 15, "maxFailures")]
    [InlineData(5, 0, 15, "failureWindow")]
    [InlineData(5, -1, 15, "failureWindow")]
    [InlineData(5, 15, 0, "lockoutDuration")]
    public void Nonsensical_settings_are_refused(int maxFailures, int windowMinutes, int durationMinutes, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SignInLockoutPolicy(maxFailures, TimeSpan.FromMinutes(windowMinutes), TimeSpan.FromMinutes(durationMinutes)));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void A_null_account_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => _policy.Apply(null!, _clock.GetUtcNow(), passwordMatched: true));
        Assert.Throws<ArgumentNullException>(() => _policy.IsLockedOut(null!, _clock.GetUtcNow()));
    }
}
