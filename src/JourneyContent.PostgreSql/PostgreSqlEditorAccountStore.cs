using Dapper;
using JourneyContent.Editing;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>Back-office accounts in the <c>editor_accounts</c> table.</summary>
/// <remarks>Times are <c>timestamptz</c> (kept to the microsecond); roles a comma list; the email unique whatever its case
/// (an index on <c>lower(email)</c>), as in the SQLite store.</remarks>
public sealed class PostgreSqlEditorAccountStore(PostgreSqlConnectionFactory connections) : IEditorAccountStore
{
    private const string SelectAccounts = """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, roles AS Roles, password_hash AS PasswordHash,
               failed_sign_in_count AS FailedSignInCount, first_failed_sign_in_at AS FirstFailedSignInAt,
               locked_out_until AS LockedOutUntil, created_at AS CreatedAt, last_sign_in_at AS LastSignInAt,
               security_stamp AS SecurityStamp
        FROM editor_accounts
        """;

    /// <inheritdoc />
    public async Task<EditorAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectAccounts + " WHERE lower(email) = lower(@Email)", new { Email = EditorAccount.NormaliseEmail(email) }, cancellationToken: cancellationToken));
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
            ON CONFLICT ((lower(email))) DO NOTHING
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
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
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
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectAccounts + " ORDER BY email COLLATE \"C\"", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAccount())];
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return checked((int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM editor_accounts", cancellationToken: cancellationToken)));
    }

    /// <summary>An <c>editor_accounts</c> row, in the types Npgsql reads and writes.</summary>
    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public int FailedSignInCount { get; init; }
        public DateTime? FirstFailedSignInAt { get; init; }
        public DateTime? LockedOutUntil { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? LastSignInAt { get; init; }
        public string SecurityStamp { get; init; } = "";

        // The same text as the SQLite store's, so an export from one loads into the other.
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
                FirstFailedSignInAt = account.FirstFailedSignInAt?.UtcDateTime,
                LockedOutUntil = account.LockedOutUntil?.UtcDateTime,
                CreatedAt = account.CreatedAt.UtcDateTime,
                LastSignInAt = account.LastSignInAt?.UtcDateTime,
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
            FailedSignInCount = FailedSignInCount,
            FirstFailedSignInAt = PostgreSqlTime.FromDatabase(FirstFailedSignInAt),
            LockedOutUntil = PostgreSqlTime.FromDatabase(LockedOutUntil),
            CreatedAt = PostgreSqlTime.FromDatabase(CreatedAt),
            LastSignInAt = PostgreSqlTime.FromDatabase(LastSignInAt),
            SecurityStamp = SecurityStamp,
        };
    }
}
