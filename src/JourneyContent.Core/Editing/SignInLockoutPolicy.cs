namespace JourneyContent.Editing;

/// <summary>Locks an account after repeated failed sign-ins, to make password guessing slow.</summary>
/// <remarks>
/// <para>A run of failures starts with a failure; later failures belong to the same run while they happen at most
/// <see cref="FailureWindow"/> after its first one (inclusive), otherwise they start a new run.</para>
/// <para>The <see cref="MaxFailures"/>-th failure of a run locks the account until that failure's time plus
/// <see cref="LockoutDuration"/>, and ends the run, so that after the lock the owner has <see cref="MaxFailures"/> fresh attempts.</para>
/// <para>An account is locked while <c>now &lt; LockedOutUntil</c> (the end is exclusive). Attempts during the lock, with the
/// right password or not, change nothing: they neither sign in nor count, nor extend the lock, so a guesser cannot keep the
/// owner out for longer than one lock at a time.</para>
/// <para>A successful sign-in outside a lock ends the run, clears an expired lock and records <see cref="EditorAccount.LastSignInAt"/>.</para>
/// <para>The policy is pure: it returns the updated account and the caller saves it.</para>
/// </remarks>
public sealed class SignInLockoutPolicy
{
    /// <summary>Failures that lock the account when none is given: 5.</summary>
    public const int DefaultMaxFailures = 5;

    /// <summary>The failure window when none is given: 15 minutes.</summary>
    public static readonly TimeSpan DefaultFailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>The lock's duration when none is given: 15 minutes.</summary>
    public static readonly TimeSpan DefaultLockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Creates the policy; by default 5 failures within 15 minutes lock the account for 15 minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFailures"/> is below 1, or a duration is zero or negative.</exception>
    public SignInLockoutPolicy(int maxFailures = DefaultMaxFailures, TimeSpan? failureWindow = null, TimeSpan? lockoutDuration = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        var window = failureWindow ?? DefaultFailureWindow;
        var duration = lockoutDuration ?? DefaultLockoutDuration;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero, nameof(failureWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(lockoutDuration));
        MaxFailures = maxFailures;
        FailureWindow = window;
        LockoutDuration = duration;
    }

    /// <summary>Failures within <see cref="FailureWindow"/> that lock the account.</summary>
    public int MaxFailures { get; }

    /// <summary>How long after a run's first failure later failures still count towards it (inclusive).</summary>
    public TimeSpan FailureWindow { get; }

    /// <summary>How long the lock lasts.</summary>
    public TimeSpan LockoutDuration { get; }

    /// <summary>True while the account is locked at <paramref name="now"/>.</summary>
    public bool IsLockedOut(EditorAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LockedOutUntil is { } until && now < until;
    }

    /// <summary>The account after a sign-in attempt at <paramref name="now"/>.</summary>
    /// <param name="account">The account as stored before the attempt.</param>
    /// <param name="now">When the attempt happened.</param>
    /// <param name="passwordMatched">Whether the password was right; ignored while the account is locked.</param>
    /// <returns>The account to save. The attempt signed in when the password matched and the account was not locked before it.</returns>
    public EditorAccount Apply(EditorAccount account, DateTimeOffset now, bool passwordMatched) =>
        passwordMatched ? RecordSuccess(account, now) : RecordFailure(account, now);

    /// <summary>The account after a failed sign-in at <paramref name="now"/>; unchanged while locked.</summary>
    public EditorAccount RecordFailure(EditorAccount account, DateTimeOffset now)
    {
        if (IsLockedOut(account, now))
        {
            return account;
        }

        var sameRun = account.FailedSignInCount > 0
            && account.FirstFailedSignInAt is { } first
            && now - first <= FailureWindow;
        var count = sameRun ? account.FailedSignInCount + 1 : 1;
        return count >= MaxFailures
            ? account with { FailedSignInCount = 0, FirstFailedSignInAt = null, LockedOutUntil = now + LockoutDuration }
            : account with { FailedSignInCount = count, FirstFailedSignInAt = sameRun ? account.FirstFailedSignInAt : now, LockedOutUntil = null };
    }

    /// <summary>The account after a sign-in with the right password at <paramref name="now"/>; unchanged while locked.</summary>
    public EditorAccount RecordSuccess(EditorAccount account, DateTimeOffset now) =>
        IsLockedOut(account, now)
            ? account
            : account with { FailedSignInCount = 0, FirstFailedSignInAt = null, LockedOutUntil = null, LastSignInAt = now };
}
