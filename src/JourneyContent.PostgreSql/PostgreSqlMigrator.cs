using Dapper;
using JourneyContent.Health;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>
/// Applies the embedded migrations in version order, each in its own transaction with its row in
/// <c>schema_migrations</c>, under a session advisory lock: instances starting together wait for each other, so each
/// migration is applied once.
/// </summary>
public sealed partial class PostgreSqlMigrator(PostgreSqlConnectionFactory connections, TimeProvider time, ILogger<PostgreSqlMigrator> logger) : IStoreMigrator
{
    /// <summary>The advisory lock key of migrations: the first eight bytes of "JourneyContent migrations", fixed forever.</summary>
    internal const long LockKey = 0x4A6F75726E65794D;

    /// <summary>Applies every embedded script the database has not applied.</summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached or refuses the login; the message names the
    /// host, port and database and the setting to check, never the password.</exception>
    /// <exception cref="InvalidOperationException">A script failed (rolled back, named in the message), or the database was
    /// migrated by a newer version of JourneyContent.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(EmbeddedScripts(), cancellationToken);

    /// <summary>The versions the database has applied, in order; empty for a new database.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        return exists
            ? [.. await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken))]
            : [];
    }

    /// <summary>Applies <paramref name="scripts"/>; the public overload passes the embedded ones, tests their own.</summary>
    internal async Task MigrateAsync(IReadOnlyList<(int Version, string Name, string Sql)> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
                cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            if (applied.Count > 0 && applied.Max() > scripts.Select(s => s.Version).DefaultIfEmpty(0).Max())
            {
                throw new InvalidOperationException(
                    $"The database was migrated to version {applied.Max()} by a newer JourneyContent; this version knows migrations up to {scripts.Select(s => s.Version).DefaultIfEmpty(0).Max()}.");
            }

            foreach (var script in scripts.Where(s => !applied.Contains(s.Version)).OrderBy(s => s.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                        new { script.Version, script.Name, At = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
                    await transaction.CommitAsync(cancellationToken);
                    LogApplied(logger, script.Name);
                }
                catch (PostgresException e)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    throw new InvalidOperationException($"Migration {script.Name} failed and was rolled back: {e.MessageText}", e);
                }
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The scripts embedded in this assembly (<c>NNNN_name.sql</c>), in version order.</summary>
    internal static IReadOnlyList<(int Version, string Name, string Sql)> EmbeddedScripts()
    {
        var assembly = typeof(PostgreSqlMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = Path.GetFileNameWithoutExtension(n["Migrations/".Length..]);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)];
    }

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => connections.OpenAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Name}")]
    private static partial void LogApplied(ILogger logger, string name);
}
