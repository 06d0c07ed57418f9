using JourneyContent.Editing;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite account store held to the contract every provider keeps.</summary>
public sealed class SqliteEditorAccountStoreTests : EditorAccountStoreContract
{
    private TempDatabase? _database;

    protected override async Task<IEditorAccountStore> CreateStoreAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        return _database.Accounts;
    }

    protected override Task DeleteStoreAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}
