using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Reports;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite report store held to the contract every provider keeps.</summary>
public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private TempDatabase? _database;

    protected override async Task<(IReportStore Reports, IJourneyStore Journeys, ILeadStore Leads)> CreateStoresAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        var journeys = new SqliteJourneyStore(_database.Connections);
        return (new SqliteReportStore(_database.Connections), journeys, new SqliteLeadStore(_database.Connections, journeys));
    }

    protected override Task DeleteStoresAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}
