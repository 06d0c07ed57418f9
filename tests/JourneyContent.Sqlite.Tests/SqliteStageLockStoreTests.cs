using JourneyContent.Leads;
using JourneyContent.StageLocks;

namespace JourneyContent.Sqlite.Tests;

/// <summary>Stage locks in SQLite: kept across a restart, found through the lead's visitors, audited, and gone with an erasure.</summary>
public sealed class SqliteStageLockStoreTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteLeadStore _leads = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _leads = new SqliteLeadStore(_database.Connections, new SqliteJourneyStore(_database.Connections));
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_lock_is_read_back_after_a_restart_by_lead_and_by_visitor_and_moves_the_lead_with_a_history_line()
    {
        var leadId = await LeadAsync("v-ada");
        var stageLock = new StageLock(leadId, "decision", Now, Now.AddDays(30), "marketer@example.com", "asked for a quote by phone");

        Assert.True(await new SqliteStageLockStore(_database.Connections).LockAsync(stageLock, default));
        var restarted = new SqliteStageLockStore(_database.NewFactory());

        Assert.Equal(stageLock, await restarted.ForLeadAsync(leadId, default));
        Assert.Equal(stageLock, await restarted.ForVisitorAsync("v-ada", default));
        Assert.Null(await restarted.ForVisitorAsync("v-nobody", default));
        var record = (await _leads.RecordAsync(leadId, default))!;
        Assert.Equal("decision", record.Lead.Stage);
        Assert.Equal(("decision", "locked"), (record.StageHistory[^1].To, record.StageHistory[^1].Reason));
    }

    [Fact]
    public async Task Locking_and_unlocking_are_audited_with_who_when_the_stage_and_the_expiry()
    {
        var store = new SqliteStageLockStore(_database.Connections);
        var leadId = await LeadAsync("v-ben");
        await store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", null), default);
        await store.LockAsync(new StageLock(leadId, "consideration", Now.AddHours(1), Now.AddDays(90), "other@example.com", "still comparing"), default);

        var removed = await store.UnlockAsync(leadId, "admin@example.com", Now.AddHours(2), "awareness", default);

        Assert.Equal(("consideration", Now.AddDays(90)), (removed?.Stage, removed?.Until));
        Assert.Null(await store.ForLeadAsync(leadId, default));
        Assert.Null(await store.UnlockAsync(leadId, "admin@example.com", Now.AddHours(3), null, default));
        var audit = (await _leads.PrivacyAuditAsync(leadId, 10, default)).Reverse().ToList();
        Assert.Equal(
            [
                (StageLocking.LockAction, "marketer@example.com", Now),
                (StageLocking.LockAction, "other@example.com", Now.AddHours(1)),
                (StageLocking.UnlockAction, "admin@example.com", Now.AddHours(2)),
            ],
            audit.Select(a => (a.Action, a.ByUser, a.At)));
        Assert.Equal("stage=decision; until=" + SqliteTime.ToText(Now.AddDays(7)) + "; set_by=marketer@example.com", audit[0].Detail);
        Assert.Contains("stage=consideration; until=" + SqliteTime.ToText(Now.AddDays(90)), audit[2].Detail, StringComparison.Ordinal);
        Assert.Equal(("awareness", "unlocked"), ((await _leads.FindAsync(leadId, default))!.Stage, (await _leads.RecordAsync(leadId, default))!.StageHistory[^1].Reason));
    }

    [Fact]
    public async Task An_unknown_or_erased_lead_cannot_be_locked_and_an_erasure_removes_the_lock()
    {
        var store = new SqliteStageLockStore(_database.Connections);
        var leadId = await LeadAsync("v-cleo");
        await store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", "named a colleague"), default);

        await _leads.EraseAsync(leadId, "admin@example.com", "erase", Now, default);

        Assert.Null(await store.ForLeadAsync(leadId, default));
        Assert.False(await store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", null), default));
        Assert.False(await store.LockAsync(new StageLock("no-such-lead", "decision", Now, Now.AddDays(7), "marketer@example.com", null), default));
    }

    private async Task<string> LeadAsync(string visitorId) =>
        (await _leads.CaptureAsync(new LeadCapture { Email = visitorId + "@example.com", Language = "en", ContentId = "en/benchmark", VisitorId = visitorId, Stage = "awareness", At = Now }, default)).Lead.Id;
}
