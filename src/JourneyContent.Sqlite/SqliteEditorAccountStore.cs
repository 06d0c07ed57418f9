using Dapper;
using JourneyContent.Editing;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>Back-office accounts in the <c>editor_accounts</c> table.</summary>
/// <remarks>Timestamps are ISO 8601 UTC text; roles a comma list; the email is unique without regard to case.</remarks>
public sealed class SqliteEditorAccountStore(SqliteConnectionFactory connections) : IEditorAccountStore
{
    private const string SelectAccounts = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, roles AS Roles, password_hash AS PasswordHash,
               failed_sign_in_count AS FailedSignInCount, first_failed_sign_in_at AS FirstFailedSignInAt,
               locked_out_until AS LockedOutUntil, created_at AS CreatedAt, last_sign_in_at AS LastSignInAt,
               security_stamp AS SecurityStamp
        FROM editor_accounts
        """;

    // SQLITE_CONSTRAINT: here, another account already has the email.
    private const int ConstraintViolation = 19;

    /// <inheritdoc />
    public async Task<EditorAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectAccounts + " WHERE email = @Email", new { Email = EditorAccount.NormaliseEmail(email) }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    /// <inheritdoc />
    public async Task<EditorAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectAccounts + " WHERE id = @Id", new { Id = Row.IdText(id) }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(EditorAccount account, CancellationToken cancellationToken)
    {
        var row = Row.From(account);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO editor_accounts (id, email, display_name, roles, password_hash, failed_sign_in_count, first_failed_sign_in_at,
                                         locked_out_until, created_at, last_sign_in_at, security_stamp)
            VALUES (@Id, @Email, @DisplayName, @Roles, @PasswordHash, @FailedSignInCount, @FirstFailedSignInAt,
                    @LockedOutUntil, @CreatedAt, @LastSignInAt, @SecurityStamp)
            ON CONFLICT (email) DO NOTHING
            """,
            row,
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(EditorAccount account, CancellationToken cancellationToken)
    {
        var row = Row.From(account);
        await using var connection = await connections.OpenAsync(cancellationToken);
        int updated;
        try
        {
            updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE editor_accounts
                SET email = @Email, display_name = @DisplayName, roles = @Roles, password_hash = @PasswordHash,
                    failed_sign_in_count = @FailedSignInCount, first_failed_sign_in_at = @FirstFailedSignInAt,
                    locked_out_until = @LockedOutUntil, last_sign_in_at = @LastSignInAt, security_stamp = @SecurityStamp
                WHERE id = @Id
                """,
                row,
                cancellationToken: cancellationToken));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintViolation)
        {
            throw new InvalidOperationException($"Another account already uses the email {row.Email}.", ex);
        }

        if (updated == 0)
        {
            throw new InvalidOperationException($"No account has the id {account.Id}: create it before updating it.");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EditorAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectAccounts + " ORDER BY email", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAccount())];
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM editor_accounts", cancellationToken: cancellationToken));
    }

    /// <summary>An <c>editor_accounts</c> row, in the types SQLite stores.</summary>
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

        // "D" (lower-case, hyphens) is what Guid.ToString() gives, so ids stay comparable with rows written before.
        public static string IdText(Guid id) => id.ToString("D");

        public static Row From(EditorAccount account)
        {
            ArgumentNullException.ThrowIfNull(account);
            ArgumentException.ThrowIfNullOrWhiteSpace(account.Email, nameof(account));
            return new Row
            {
                Id = IdText(account.Id),
                Email = account.Email,
                DisplayName = account.DisplayName,
                Roles = account.StoredRoles(),
                PasswordHash = account.PasswordHash,
                FailedSignInCount = account.FailedSignInCount,
                FirstFailedSignInAt = SqliteTime.ToText(account.FirstFailedSignInAt),
                LockedOutUntil = SqliteTime.ToText(account.LockedOutUntil),
                CreatedAt = SqliteTime.ToText(account.CreatedAt),
                LastSignInAt = SqliteTime.ToText(account.LastSignInAt),
                SecurityStamp = account.SecurityStamp,
            };
        }

        public EditorAccount ToAccount() => new()
        {
            Id = Guid.Parse(Id),
            Email = Email,
            DisplayName = DisplayName,
            Roles = EditorAccount.RolesFromStorage(Roles),
            PasswordHash = PasswordHash,
            FailedSignInCount = checked((int)FailedSignInCount),
            FirstFailedSignInAt = SqliteTime.FromNullableText(FirstFailedSignInAt),
            LockedOutUntil = SqliteTime.FromNullableText(LockedOutUntil),
            CreatedAt = SqliteTime.FromText(CreatedAt),
            LastSignInAt = SqliteTime.FromNullableText(LastSignInAt),
            SecurityStamp = SecurityStamp,
        };
    }
}
