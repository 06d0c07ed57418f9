using JourneyContent.Health;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>The SQLite store's health: the database opens and answers, and every embedded migration is applied.</summary>
public sealed class SqliteStoreHealth(SqliteMigrator migrator) : IStoreHealth
{
    /// <inheritdoc />
    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await migrator.AppliedVersionsAsync(cancellationToken);
            var pending = SqliteMigrator.EmbeddedScripts().Count(s => !applied.Contains(s.Version));
            return new StoreHealth(true, pending, pending == 0 ? null : $"Migrations not applied: {pending}.");
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new StoreHealth(false, 0, e.Message);
        }
    }
}
