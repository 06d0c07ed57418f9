using System.Globalization;
using Dapper;
using JourneyContent.Editing;

namespace JourneyContent.Sqlite;

/// <summary>Back-office accounts in SQLite. Timestamps are ISO 8601 UTC text; roles a comma list.</summary>
public sealed class SqliteEditorAccountStore(SqliteConnectionFactory connections) : IEditorAccountStore
{
    private const string Columns = "id, email, display_name, roles, password_hash, failed_sign_in_count, first_failed_sign_in_at, locked_out_until, created_at, last_sign_in_at, security_stamp";

    /// <inheritdoc />
    public async Task<EditorAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM editor_accounts WHERE email = @email", new { email = EditorAccount.NormaliseEmail(email) });
        return row?.ToAccount();
    }

    /// <inheritdoc />
    public async Task<EditorAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM editor_accounts WHERE id = @id", new { id = id.ToString() });
        return row?.ToAccount();
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(EditorAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            $"INSERT INTO editor_accounts ({Columns}) VALUES (@Id, @Email, @DisplayName, @Roles, @PasswordHash, @FailedSignInCount, @FirstFailedSignInAt, @LockedOutUntil, @CreatedAt, @LastSignInAt, @SecurityStamp) ON CONFLICT(email) DO NOTHING",
            Row.From(account));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(EditorAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE editor_accounts SET email = @Email, display_name = @DisplayName, roles = @Roles, password_hash = @PasswordHash, failed_sign_in_count = @FailedSignInCount, first_failed_sign_in_at = @FirstFailedSignInAt, locked_out_until = @LockedOutUntil, last_sign_in_at = @LastSignInAt, security_stamp = @SecurityStamp WHERE id = @Id",
            Row.From(account));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EditorAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>($"SELECT {Columns} FROM editor_accounts ORDER BY email")).Select(r => r.ToAccount())];
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM editor_accounts");
    }

    /// <summary>The table's shape, as Dapper maps it (snake_case columns are aliased by position-independent names).</summary>
    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public long FailedSignInCount { get; init; }
        public string? FirstFailedSignInAt { get; init; }
        public string? LockedOutUntil { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? LastSignInAt { get; init; }
        public string SecurityStamp { get; init; } = "";

        public static Row From(EditorAccount a) => new()
        {
            Id = a.Id.ToString(),
            Email = EditorAccount.NormaliseEmail(a.Email),
            DisplayName = a.DisplayName,
            Roles = string.Join(',', a.Roles),
            PasswordHash = a.PasswordHash,
            FailedSignInCount = a.FailedSignInCount,
            FirstFailedSignInAt = SqliteTime.Format(a.FirstFailedSignInAt),
            LockedOutUntil = SqliteTime.Format(a.LockedOutUntil),
            CreatedAt = SqliteTime.Format(a.CreatedAt)!,
            LastSignInAt = SqliteTime.Format(a.LastSignInAt),
            SecurityStamp = a.SecurityStamp,
        };

        public EditorAccount ToAccount() => new()
        {
            Id = Guid.Parse(Id),
            Email = Email,
            DisplayName = DisplayName,
            Roles = Roles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            PasswordHash = PasswordHash,
            FailedSignInCount = (int)FailedSignInCount,
            FirstFailedSignInAt = SqliteTime.Parse(FirstFailedSignInAt),
            LockedOutUntil = SqliteTime.Parse(LockedOutUntil),
            CreatedAt = SqliteTime.Parse(CreatedAt) ?? default,
            LastSignInAt = SqliteTime.Parse(LastSignInAt),
            SecurityStamp = SecurityStamp,
        };
    }
}

/// <summary>How timestamps are stored: ISO 8601 UTC text, which sorts as it reads.</summary>
internal static class SqliteTime
{
    public static string? Format(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
