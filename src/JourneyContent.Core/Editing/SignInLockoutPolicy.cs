namespace JourneyContent.Editing;

/// <summary>Locks an account after repeated failed sign-ins, to make password guessing slow.</summary>
/// <remarks>
/// <see cref="MaxFailures"/> failures within <see cref="FailureWindow"/> lock the account for
/// <see cref="LockoutDuration"/>; while locked, even the right password is refused. A success resets the count;
/// failures older than the window start a new run. The lock ends at <see cref="EditorAccount.LockedOutUntil"/>, exclusive.
/// </remarks>
public sealed class SignInLockoutPolicy
{
    /// <summary>Creates the policy; the defaults are 5 failures within 15 minutes lock for 15 minutes.</summary>
    public SignInLockoutPolicy(int maxFailures = 5, TimeSpan? failureWindow = null, TimeSpan? lockoutDuration = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        MaxFailures = maxFailures;
        FailureWindow = failureWindow ?? TimeSpan.FromMinutes(15);
        LockoutDuration = lockoutDuration ?? TimeSpan.FromMinutes(15);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FailureWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LockoutDuration, TimeSpan.Zero);
    }

    /// <summary>Failures that lock the account.</summary>
    public int MaxFailures { get; }

    /// <summary>How close together the failures must be.</summary>
    public TimeSpan FailureWindow { get; }

    /// <summary>How long the lock lasts.</summary>
    public TimeSpan LockoutDuration { get; }

    /// <summary>True while the account is locked at <paramref name="now"/>.</summary>
    public bool IsLockedOut(EditorAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LockedOutUntil is { } until && now < until;
    }

    /// <summary>The account after a failed sign-in at <paramref name="now"/>.</summary>
    public EditorAccount RecordFailure(EditorAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var inWindow = account.FirstFailedSignInAt is { } first && now - first <= FailureWindow && account.FailedSignInCount > 0;
        var count = inWindow ? account.FailedSignInCount + 1 : 1;
        var start = inWindow ? account.FirstFailedSignInAt : now;
        return count >= MaxFailures
            ? account with { FailedSignInCount = 0, FirstFailedSignInAt = null, LockedOutUntil = now + LockoutDuration }
            : account with { FailedSignInCount = count, FirstFailedSignInAt = start };
    }

    /// <summary>The account after a successful sign-in at <paramref name="now"/>.</summary>
    public EditorAccount RecordSuccess(EditorAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account with { FailedSignInCount = 0, FirstFailedSignInAt = null, LockedOutUntil = null, LastSignInAt = now };
    }
}
