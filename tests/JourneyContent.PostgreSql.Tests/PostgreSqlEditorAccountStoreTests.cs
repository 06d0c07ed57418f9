using JourneyContent.Editing;
using JourneyContent.StoreContracts;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL account store held to the contract every provider keeps.</summary>
public sealed class PostgreSqlEditorAccountStoreTests : EditorAccountStoreContract
{
    private TempPostgreSqlDatabase? _database;
    private PostgreSqlConnectionFactory? _connections;

    protected override async Task<IEditorAccountStore> CreateStoreAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        _connections = _database.NewFactory();
        return new PostgreSqlEditorAccountStore(_connections);
    }

    protected override async Task DeleteStoreAsync()
    {
        if (_connections is not null)
        {
            await _connections.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
