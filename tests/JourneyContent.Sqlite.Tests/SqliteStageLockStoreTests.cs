using JourneyContent.Leads;
using JourneyContent.StageLocks;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite stage lock store held to the contract every provider keeps.</summary>
public sealed class SqliteStageLockStoreTests : StageLockStoreContract
{
    private TempDatabase? _database;
    private SqliteLeadStore? _leads;

    private TempDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    private SqliteLeadStore Leads => _leads ?? throw new InvalidOperationException("The lead store is created in InitializeAsync.");

    protected override async Task<IStageLockStore> CreateStoreAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _leads = new SqliteLeadStore(_database.Connections, new SqliteJourneyStore(_database.Connections));
        return new SqliteStageLockStore(_database.Connections);
    }

    protected override IStageLockStore NewStoreOnAnotherFactory() => new SqliteStageLockStore(Database.NewFactory());

    protected override Task DeleteStoreAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    protected override async Task<string> CreateLeadAsync(string visitorId, DateTimeOffset at) =>
        (await Leads.CaptureAsync(new LeadCapture { Email = visitorId + "@example.com", Language = "en", ContentId = "en/benchmark", VisitorId = visitorId, Stage = "awareness", At = at }, default)).Lead.Id;

    protected override async Task<string?> LeadStageAsync(string leadId) => (await Leads.FindAsync(leadId, default))!.Stage;

    protected override async Task<IReadOnlyList<LeadStageChange>> StageHistoryAsync(string leadId) => (await Leads.RecordAsync(leadId, default))!.StageHistory;

    protected override Task<IReadOnlyList<PrivacyAuditEntry>> PrivacyAuditAsync(string leadId) => Leads.PrivacyAuditAsync(leadId, 10, default);

    protected override Task EraseLeadAsync(string leadId, DateTimeOffset at) => Leads.EraseAsync(leadId, "admin@example.com", "erase", at, default);
}
