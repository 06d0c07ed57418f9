using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Sqlite;

/// <summary>Brings the database schema up to date from numbered SQL scripts embedded in this assembly (<c>Migrations/0001_name.sql</c>).</summary>
/// <remarks>
/// Each script runs in its own transaction together with its row in <c>schema_migrations</c>, so a failing script
/// leaves no trace. <c>BEGIN IMMEDIATE</c> takes the write lock before checking what is applied, so two processes
/// starting at once apply each script once. A database with versions this code does not know is refused.
/// </remarks>
public sealed class SqliteMigrator(SqliteConnectionFactory connections, ILogger<SqliteMigrator> logger)
{
    /// <summary>A migration script: its version (the number in its name), name and SQL.</summary>
    internal sealed record Script(int Version, string Name, string Sql);

    /// <summary>Applies every script that is not applied yet.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(EmbeddedScripts(), cancellationToken);

    internal async Task MigrateAsync(IReadOnlyList<Script> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var known = scripts.Select(s => s.Version).ToHashSet();
        var newest = known.Count == 0 ? 0 : known.Max();
        var unknown = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations WHERE version > @newest", new { newest })).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The database {connections.DatabasePath} has schema version {unknown.Max()}, newer than this version of JourneyContent knows ({newest}). Run the newer version, or restore a backup.");
        }

        foreach (var script in scripts.OrderBy(s => s.Version))
        {
            using var transaction = BeginImmediate(connection);
            var applied = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { script.Version }, transaction);
            if (applied > 0)
            {
                transaction.Commit();
                continue;
            }

            try
            {
                await connection.ExecuteAsync(script.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { script.Version, script.Name, At = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                    transaction);
                transaction.Commit();
                logger.LogInformation("Applied database migration {Name}", script.Name);
            }
            catch (SqliteException ex)
            {
                transaction.Rollback();
                throw new InvalidOperationException($"Database migration {script.Name} failed and was rolled back: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The versions recorded as applied.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")];
    }

    internal static IReadOnlyList<Script> EmbeddedScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n["Migrations/".Length..^".sql".Length];
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Script(version, name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)];
    }

    private static SqliteTransaction BeginImmediate(SqliteConnection connection) =>
        connection.BeginTransaction(deferred: false);
}
