using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite lead store held to the contract every provider keeps.</summary>
public sealed class SqliteLeadStoreTests : LeadStoreContract
{
    private TempDatabase? _database;

    protected override async Task<(ILeadStore Leads, IJourneyStore Journeys)> CreateStoresAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        var journeys = new SqliteJourneyStore(_database.Connections);
        return (new SqliteLeadStore(_database.Connections, journeys), journeys);
    }

    protected override Task DeleteStoresAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}
