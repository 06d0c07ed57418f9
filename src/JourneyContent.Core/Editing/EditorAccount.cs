namespace JourneyContent.Editing;

/// <summary>A back-office user: an editor, a marketer or an admin.</summary>
/// <remarks>
/// <see cref="PasswordHash"/> is produced by the web layer's password hasher; stores only keep it.
/// <see cref="SecurityStamp"/> changes when the password or roles change, which ends existing sessions.
/// <see cref="Email"/> is normalised on assignment, so two spellings of one address are one account.
/// </remarks>
public sealed record EditorAccount
{
    private readonly string _email = string.Empty;

    /// <summary>The account's identity.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The email, normalised by <see cref="NormaliseEmail"/> when set.</summary>
    public required string Email
    {
        get => _email;
        init => _email = NormaliseEmail(value);
    }

    /// <summary>The name shown in the back office and the audit log.</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>The roles, from <see cref="JourneyRoles"/>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The password hash.</summary>
    public string PasswordHash { get; init; } = string.Empty;

    /// <summary>Failed sign-ins in the current run (see <see cref="SignInLockoutPolicy"/>); zero after a success or a lockout.</summary>
    public int FailedSignInCount { get; init; }

    /// <summary>When the current run of failures started; null when there is none.</summary>
    public DateTimeOffset? FirstFailedSignInAt { get; init; }

    /// <summary>Until when sign-in is refused, whatever the password (exclusive).</summary>
    public DateTimeOffset? LockedOutUntil { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last successful sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>A random value that changes with the password or roles.</summary>
    public string SecurityStamp { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Trims an email and lower-cases it, so that one person has one account whatever they type.</summary>
    public static string NormaliseEmail(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>The roles as every store keeps them: one comma-separated text, each role trimmed.</summary>
    /// <exception cref="ArgumentException">A role contains a comma, which separates roles in storage.</exception>
    public string StoredRoles()
    {
        if (Roles.FirstOrDefault(r => r.Contains(',', StringComparison.Ordinal)) is { } badRole)
        {
            throw new ArgumentException($"The role '{badRole}' contains a comma, which separates roles in storage.", nameof(Roles));
        }

        return string.Join(',', Roles.Select(r => r.Trim()));
    }

    /// <summary>The roles of <see cref="StoredRoles"/>'s text.</summary>
    public static IReadOnlyList<string> RolesFromStorage(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
