using System.Security.Claims;
using JourneyContent.Editing;
using Microsoft.AspNetCore.Identity;

namespace JourneyContent.Site.BackOffice.Authentication;

/// <summary>The outcome of a sign-in attempt.</summary>
public enum SignInOutcome
{
    /// <summary>The email and password match and the account is not locked.</summary>
    Succeeded,

    /// <summary>No such account, or a wrong password; the two are not told apart, so addresses cannot be probed.</summary>
    Failed,

    /// <summary>Too many failures: the account is locked for a while, whatever the password.</summary>
    LockedOut,
}

/// <summary>Checks back-office credentials, counting failures and locking accounts, and builds the signed-in principal.</summary>
public sealed class BackOfficeSignIn(IEditorAccountStore accounts, IPasswordHasher<EditorAccount> hasher, SignInLockoutPolicy lockout, TimeProvider time)
{
    /// <summary>The claim that carries the account's security stamp, checked on every request.</summary>
    public const string SecurityStampClaim = "journey:stamp";

    private static readonly EditorAccount NoAccount = new() { Email = "no-account@invalid" };

    // Hashed once with the same hasher (same algorithm and iterations) as real accounts' passwords.
    private readonly Lazy<string> _noAccountHash = new(() => hasher.HashPassword(NoAccount, Guid.NewGuid().ToString("N")));

    /// <summary>Checks <paramref name="email"/> and <paramref name="password"/>; on success, returns the principal to sign in.</summary>
    public async Task<(SignInOutcome Outcome, ClaimsPrincipal? Principal)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByEmailAsync(email ?? string.Empty, cancellationToken);
        if (account is null)
        {
            // Verify against a stored-like hash so that a missing account costs what a wrong password costs.
            hasher.VerifyHashedPassword(NoAccount, _noAccountHash.Value, password ?? string.Empty);
            return (SignInOutcome.Failed, null);
        }

        var now = time.GetUtcNow();
        if (lockout.IsLockedOut(account, now))
        {
            return (SignInOutcome.LockedOut, null);
        }

        var verification = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        if (verification == PasswordVerificationResult.Failed)
        {
            var failed = lockout.RecordFailure(account, now);
            await accounts.UpdateAsync(failed, cancellationToken);
            return (lockout.IsLockedOut(failed, now) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        var signedIn = lockout.RecordSuccess(account, now);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            signedIn = signedIn with { PasswordHash = hasher.HashPassword(signedIn, password!) };
        }

        await accounts.UpdateAsync(signedIn, cancellationToken);
        return (SignInOutcome.Succeeded, CreatePrincipal(signedIn));
    }

    /// <summary>
    /// Ends the session of <paramref name="principal"/> on the server: the account gets a new security stamp, so the
    /// session's cookie, even replayed, no longer validates. Every session of that account ends with it.
    /// </summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(SecurityStampClaim);
        var account = Guid.TryParse(id, out var guid) ? await accounts.FindByIdAsync(guid, cancellationToken) : null;
        if (account is not null && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await accounts.UpdateAsync(account with { SecurityStamp = Guid.NewGuid().ToString("N") }, cancellationToken);
        }
    }

    /// <summary>The principal of a signed-in account: its id, email, name, roles and security stamp.</summary>
    public static ClaimsPrincipal CreatePrincipal(EditorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email : account.DisplayName),
            new(SecurityStampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, BackOfficeRoutes.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
