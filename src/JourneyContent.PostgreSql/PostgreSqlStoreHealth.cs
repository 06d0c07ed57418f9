using JourneyContent.Health;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>The PostgreSQL store's health: the database answers, and every embedded migration is applied.</summary>
public sealed class PostgreSqlStoreHealth(PostgreSqlMigrator migrator) : IStoreHealth
{
    /// <inheritdoc />
    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await migrator.AppliedVersionsAsync(cancellationToken);
            var pending = PostgreSqlMigrator.EmbeddedScripts().Count(s => !applied.Contains(s.Version));
            return new StoreHealth(true, pending, pending == 0 ? null : $"Migrations not applied: {pending}.");
        }
        catch (StoreUnavailableException e)
        {
            return new StoreHealth(false, 0, e.Message);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The provider's own message can quote the connection string: only its kind is kept.
            return new StoreHealth(false, 0, e is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : e.GetType().Name);
        }
    }
}
