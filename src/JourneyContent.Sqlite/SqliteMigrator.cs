using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Sqlite;

/// <summary>Brings the database schema up to date from the numbered SQL scripts embedded in this assembly.</summary>
/// <remarks>
/// <para>To change the schema, add a file <c>Migrations/NNNN_what_it_does.sql</c> with the next number: the project embeds
/// every <c>.sql</c> file of that folder. Never edit, renumber or rename a script once released: databases record each applied
/// version with its name, and a database whose record disagrees with the code is refused rather than silently left unmigrated.</para>
/// <para>Scripts run in version order, each in its own transaction together with its row in
/// <c>schema_migrations(version, name, applied_at)</c>, so a failing script leaves no trace. A script therefore must not
/// contain <c>BEGIN</c>/<c>COMMIT</c>, nor pragmas that cannot change inside a transaction (such as <c>foreign_keys</c>).</para>
/// <para>Each transaction is <c>BEGIN IMMEDIATE</c> and checks again whether its version is applied, so two processes
/// starting at once apply each script exactly once: the second waits for the first and then skips.</para>
/// <para>A database with a version this code does not know was migrated by a newer version of JourneyContent, and is refused.</para>
/// </remarks>
public sealed class SqliteMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<SqliteMigrator> logger) : JourneyContent.Health.IStoreMigrator
{
    /// <summary>Applies every embedded script that the database has not applied yet.</summary>
    /// <exception cref="InvalidOperationException">A script failed (it was rolled back, and the message names it), or the database
    /// was migrated by a newer version of JourneyContent.</exception>
    /// <exception cref="JourneyContent.Health.StoreUnavailableException">The file cannot be opened as a database (not a
    /// database, not writable, a folder that cannot be created): the message names the file and the settings to check.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await MigrateAsync(EmbeddedScripts(), cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw Unavailable(connections.DatabasePath, e);
        }
    }

    /// <summary>The operator's message for a database file that cannot be used.</summary>
    public static JourneyContent.Health.StoreUnavailableException Unavailable(string path, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JourneyContent.Health.StoreUnavailableException(
            $"The SQLite database {path} cannot be opened or migrated ({error.Message.TrimEnd('.')}). Check JourneyContent:DataPath, or {SqliteStoreOptions.SectionName}:DatabasePath, "
            + "and that the file is a JourneyContent database in a folder the site may write.",
            error);
    }

    /// <summary>The versions the database has applied, in order; empty for a new database.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken: cancellationToken));
        return exists == 0
            ? []
            : [.. await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken))];
    }

    /// <summary>Applies <paramref name="scripts"/>; the public overload passes the embedded ones, tests their own.</summary>
    internal async Task MigrateAsync(IEnumerable<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        var ordered = InVersionOrder(scripts);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        RefuseUnknownVersions(applied, ordered);

        foreach (var script in ordered.Where(s => !applied.ContainsKey(s.Version)))
        {
            await ApplyAsync(connection, script, cancellationToken);
        }
    }

    /// <summary>The scripts embedded in this assembly, in version order.</summary>
    internal static IReadOnlyList<MigrationScript> EmbeddedScripts()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        return InVersionOrder(assembly.GetManifestResourceNames()
            .Where(MigrationScript.IsResourceName)
            .Select(resource => new MigrationScript(MigrationScript.NameOfResource(resource), ReadResource(assembly, resource))));
    }

    private static List<MigrationScript> InVersionOrder(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        if (ordered.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Several migration scripts have version {clash.Key}: {string.Join(", ", clash.Select(s => s.FileName))}. Give each its own number.");
        }

        return ordered;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded migration {resource} cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Creates the bookkeeping table if needed and reads what is applied, under the write lock so that no half-created table is seen.</summary>
    private static async Task<Dictionary<int, string>> ReadAppliedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(long Version, string Name)>(new CommandDefinition(
            "SELECT version, name FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken));
        transaction.Commit();
        return rows.ToDictionary(r => (int)r.Version, r => r.Name);
    }

    private void RefuseUnknownVersions(Dictionary<int, string> applied, List<MigrationScript> scripts)
    {
        var known = scripts.ToDictionary(s => s.Version, s => s.Name);
        var unknown = applied.Where(a => !known.ContainsKey(a.Key)).OrderBy(a => a.Key).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {connections.DatabasePath} has migrations this version of JourneyContent does not know " +
                $"({string.Join(", ", unknown.Select(a => a.Value))}), so a newer version has used it. " +
                $"Run that newer version, or restore a backup taken before it. This version knows up to {(scripts.Count == 0 ? 0 : scripts[^1].Version)}.");
        }

        var renamed = applied.Where(a => !string.Equals(known[a.Key], a.Value, StringComparison.Ordinal)).OrderBy(a => a.Key).ToList();
        if (renamed.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {connections.DatabasePath} applied {string.Join(", ", renamed.Select(a => $"version {a.Key} as {a.Value}"))}, " +
                $"but this code's script{(renamed.Count > 1 ? "s are" : " is")} {string.Join(", ", renamed.Select(a => known[a.Key]))}. " +
                "A released migration must never be renumbered or renamed: give the new script the next free number.");
        }
    }

    private async Task ApplyAsync(SqliteConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var alreadyApplied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { script.Version }, transaction, cancellationToken: cancellationToken));
        if (alreadyApplied > 0)
        {
            // Another process applied it between our read and our lock.
            transaction.Commit();
            return;
        }

        try
        {
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = script.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = SqliteTime.ToText(time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            RollBack(transaction);
            throw new InvalidOperationException($"Database migration {script.FileName} failed and was rolled back, leaving {connections.DatabasePath} as it was before it: {ex.Message}", ex);
        }

        logger.LogInformation("Applied database migration {Script} to {Database}", script.FileName, connections.DatabasePath);
    }

    private static void RollBack(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // Some errors (a full disk, an I/O error) make SQLite roll back by itself; there is nothing left to undo.
        }
    }
}
