namespace JourneyContent.Editing;

/// <summary>A back-office user: an editor, a marketer or an admin.</summary>
/// <remarks><see cref="PasswordHash"/> is produced by the web layer's password hasher; the store only keeps it.
/// <see cref="SecurityStamp"/> changes when the password or roles change, which ends existing sessions.</remarks>
public sealed record EditorAccount
{
    /// <summary>The account's identity.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The email, normalised by <see cref="NormaliseEmail"/>.</summary>
    public required string Email { get; init; }

    /// <summary>The name shown in the back office and the audit log.</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>The roles, from <see cref="JourneyRoles"/>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The password hash.</summary>
    public string PasswordHash { get; init; } = string.Empty;

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignInCount { get; init; }

    /// <summary>When the current run of failures started.</summary>
    public DateTimeOffset? FirstFailedSignInAt { get; init; }

    /// <summary>Until when sign-in is refused, whatever the password.</summary>
    public DateTimeOffset? LockedOutUntil { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last successful sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>A random value that changes with the password or roles.</summary>
    public string SecurityStamp { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Trims an email and lower-cases it, so that one person has one account whatever they type.</summary>
    public static string NormaliseEmail(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();
}
