using JourneyContent.Leads;
using JourneyContent.StageLocks;
using JourneyContent.StoreContracts;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL stage lock store held to the contract every provider keeps, and instances changing one lead's lock
/// at the same time; leads come from the PostgreSQL lead store.
/// </summary>
public sealed class PostgreSqlStageLockStoreTests : StageLockStoreContract
{
    private TempPostgreSqlDatabase? _database;

    private TempPostgreSqlDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    private PostgreSqlLeadStore? _leads;

    private PostgreSqlLeadStore Leads => _leads ?? throw new InvalidOperationException("The lead store is created in InitializeAsync.");

    protected override async Task<IStageLockStore> CreateStoreAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        var connections = _database.OwnedFactory();
        _leads = new PostgreSqlLeadStore(connections, new PostgreSqlJourneyStore(connections));
        return NewStoreOnAnotherFactory();
    }

    protected override IStageLockStore NewStoreOnAnotherFactory() => new PostgreSqlStageLockStore(Database.OwnedFactory());

    protected override async Task DeleteStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<string> CreateLeadAsync(string visitorId, DateTimeOffset at) =>
        (await Leads.CaptureAsync(new LeadCapture { Email = visitorId + "@example.com", Language = "en", ContentId = "en/benchmark", VisitorId = visitorId, Stage = "awareness", At = at }, default)).Lead.Id;

    protected override async Task<string?> LeadStageAsync(string leadId) => (await Leads.FindAsync(leadId, default))!.Stage;

    protected override async Task<IReadOnlyList<LeadStageChange>> StageHistoryAsync(string leadId) => (await Leads.RecordAsync(leadId, default))!.StageHistory;

    protected override Task<IReadOnlyList<PrivacyAuditEntry>> PrivacyAuditAsync(string leadId) => Leads.PrivacyAuditAsync(leadId, 1000, default);

    protected override Task EraseLeadAsync(string leadId, DateTimeOffset at) => Leads.EraseAsync(leadId, "admin@example.com", "erase", at, default);

    [Fact]
    public async Task Instances_locking_one_lead_together_leave_one_lock_the_lead_in_its_stage_and_a_history_that_chains()
    {
        var leadId = await CreateLeadAsync("v-race", Now);
        var stores = Enumerable.Range(0, 8).Select(_ => NewStoreOnAnotherFactory()).ToList();

        var locked = await Task.WhenAll(stores.Select((s, i) =>
            s.LockAsync(new StageLock(leadId, "stage-" + i, Now.AddMinutes(i), Now.AddDays(7), $"marketer-{i}@example.com", null), default)));

        Assert.All(locked, Assert.True);
        var final = await Store.ForLeadAsync(leadId, default);
        Assert.NotNull(final);
        Assert.Equal(final.Stage, await LeadStageAsync(leadId));
        var history = await StageHistoryAsync(leadId);
        // Each instance took its turn: every line starts where the one before ended, and the last is the lock that won.
        Assert.Equal(9, history.Count);
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Equal(final.Stage, history[^1].To);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => "stage-" + i).Order(), history.Skip(1).Select(h => h.To).Order());
        var audit = await PrivacyAuditAsync(leadId);
        Assert.Equal(8, audit.Count(a => a.Action == StageLocking.LockAction));
        Assert.Equal($"marketer-{final.Stage["stage-".Length..]}@example.com", final.SetBy);
    }

    [Fact]
    public async Task Instances_unlocking_one_lead_together_remove_its_lock_once()
    {
        var leadId = await CreateLeadAsync("v-twice", Now);
        await Store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", null), default);
        var stores = Enumerable.Range(0, 4).Select(_ => NewStoreOnAnotherFactory()).ToList();

        var removed = await Task.WhenAll(stores.Select((s, i) => s.UnlockAsync(leadId, $"admin-{i}@example.com", Now.AddHours(1), "consideration", default)));

        Assert.Equal("decision", Assert.Single(removed, r => r is not null)!.Stage);
        Assert.Null(await Store.ForLeadAsync(leadId, default));
        Assert.Single(await PrivacyAuditAsync(leadId), a => a.Action == StageLocking.UnlockAction);
        Assert.Equal(["locked", "unlocked"], (await StageHistoryAsync(leadId)).Skip(1).Select(h => h.Reason));
        Assert.Equal("consideration", await LeadStageAsync(leadId));
    }

    [Fact]
    public async Task Instances_locking_and_unlocking_one_lead_together_neither_deadlock_nor_part_the_lead_from_its_lock()
    {
        var leadId = await CreateLeadAsync("v-both", Now);
        var lockers = Enumerable.Range(0, 4).Select(_ => NewStoreOnAnotherFactory()).ToList();
        var unlockers = Enumerable.Range(0, 4).Select(_ => NewStoreOnAnotherFactory()).ToList();
        var unlocksThatRemoved = 0;

        for (var round = 0; round < 10; round++)
        {
            var at = Now.AddMinutes(round);
            var locking = lockers.Select((s, i) => s.LockAsync(new StageLock(leadId, $"stage-{round}-{i}", at, at.AddDays(7), "marketer@example.com", null), default)).ToList();
            var unlocking = unlockers.Select(s => s.UnlockAsync(leadId, "admin@example.com", at, "awareness", default)).ToList();

            // A deadlock would surface here: PostgreSQL breaks one by failing one of its transactions.
            await Task.WhenAll([.. locking, .. unlocking]);
            foreach (var task in locking)
            {
                Assert.True(await task);
            }

            foreach (var task in unlocking)
            {
                unlocksThatRemoved += await task is null ? 0 : 1;
            }
        }

        var final = await Store.ForLeadAsync(leadId, default);
        Assert.Equal(final?.Stage ?? "awareness", await LeadStageAsync(leadId));
        var history = await StageHistoryAsync(leadId);
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        var audit = await PrivacyAuditAsync(leadId);
        Assert.Equal(40, audit.Count(a => a.Action == StageLocking.LockAction));
        Assert.Equal(unlocksThatRemoved, audit.Count(a => a.Action == StageLocking.UnlockAction));
    }
}
