using JourneyContent.Leads;
using JourneyContent.StageLocks;

namespace JourneyContent.StoreContracts;

/// <summary>
/// What every <see cref="IStageLockStore"/> does, whatever the database: each provider's test project derives from this
/// class and gives it a store on a new, migrated database, and the ways to make and read leads there.
/// </summary>
/// <remarks>Kept across a restart, found through the lead's visitors, reflected in the lead's stage and history, audited.</remarks>
public abstract class StageLockStoreContract : IAsyncLifetime
{
    /// <summary>A Monday morning in March 2026.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IStageLockStore? _store;

    /// <summary>The store under test.</summary>
    protected IStageLockStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A store on a new, migrated, empty database.</summary>
    protected abstract Task<IStageLockStore> CreateStoreAsync();

    /// <summary>A second store on the database of <see cref="CreateStoreAsync"/>, with a connection pool of its own, as after a restart or on another instance.</summary>
    protected abstract IStageLockStore NewStoreOnAnotherFactory();

    /// <summary>Removes the database of <see cref="CreateStoreAsync"/>.</summary>
    protected abstract Task DeleteStoreAsync();

    /// <summary>A new lead put in stage awareness at <paramref name="at"/> (its history's one line), with <paramref name="visitorId"/> merged into it; its id.</summary>
    protected abstract Task<string> CreateLeadAsync(string visitorId, DateTimeOffset at);

    /// <summary>The lead's current stage.</summary>
    protected abstract Task<string?> LeadStageAsync(string leadId);

    /// <summary>The lead's stage history, oldest first.</summary>
    protected abstract Task<IReadOnlyList<LeadStageChange>> StageHistoryAsync(string leadId);

    /// <summary>The lead's privacy audit, newest first.</summary>
    protected abstract Task<IReadOnlyList<PrivacyAuditEntry>> PrivacyAuditAsync(string leadId);

    /// <summary>Erases the lead, as the lead store does.</summary>
    protected abstract Task EraseLeadAsync(string leadId, DateTimeOffset at);

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoreAsync();

    [Fact]
    public async Task A_lock_is_read_back_after_a_restart_by_lead_and_by_visitor_and_moves_the_lead_with_a_history_line()
    {
        var leadId = await CreateLeadAsync("v-ada", Now);
        var stageLock = new StageLock(leadId, "decision", Now, Now.AddDays(30), "marketer@example.com", "asked for a quote by phone");

        Assert.True(await Store.LockAsync(stageLock, default));
        var restarted = NewStoreOnAnotherFactory();

        Assert.Equal(stageLock, await restarted.ForLeadAsync(leadId, default));
        Assert.Equal(stageLock, await restarted.ForVisitorAsync("v-ada", default));
        Assert.Null(await restarted.ForVisitorAsync("v-nobody", default));
        Assert.Equal("decision", await LeadStageAsync(leadId));
        var history = await StageHistoryAsync(leadId);
        Assert.Equal(("decision", "locked"), (history[^1].To, history[^1].Reason));
    }

    [Fact]
    public async Task Locking_and_unlocking_are_audited_with_who_when_the_stage_and_the_expiry()
    {
        var leadId = await CreateLeadAsync("v-ben", Now);
        await Store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", null), default);
        await Store.LockAsync(new StageLock(leadId, "consideration", Now.AddHours(1), Now.AddDays(90), "other@example.com", "still comparing"), default);

        var removed = await Store.UnlockAsync(leadId, "admin@example.com", Now.AddHours(2), "awareness", default);

        Assert.Equal(("consideration", Now.AddDays(90)), (removed?.Stage, removed?.Until));
        Assert.Null(await Store.ForLeadAsync(leadId, default));
        Assert.Null(await Store.UnlockAsync(leadId, "admin@example.com", Now.AddHours(3), null, default));
        var audit = (await PrivacyAuditAsync(leadId)).Reverse().ToList();
        Assert.Equal(
            [
                (StageLocking.LockAction, "marketer@example.com", Now),
                (StageLocking.LockAction, "other@example.com", Now.AddHours(1)),
                (StageLocking.UnlockAction, "admin@example.com", Now.AddHours(2)),
            ],
            audit.Select(a => (a.Action, a.ByUser, a.At)));
        Assert.Equal("stage=decision; until=2026-03-09T09:00:00.0000000Z; set_by=marketer@example.com", audit[0].Detail);
        Assert.Contains("stage=consideration; until=2026-05-31T09:00:00.0000000Z", audit[2].Detail, StringComparison.Ordinal);
        Assert.Equal(("awareness", "unlocked"), (await LeadStageAsync(leadId), (await StageHistoryAsync(leadId))[^1].Reason));
    }

    [Fact]
    public async Task An_unknown_or_erased_lead_cannot_be_locked()
    {
        var leadId = await CreateLeadAsync("v-cleo", Now);
        await Store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", "named a colleague"), default);

        await EraseLeadAsync(leadId, Now);

        Assert.False(await Store.LockAsync(new StageLock(leadId, "consideration", Now, Now.AddDays(7), "marketer@example.com", null), default));
        Assert.False(await Store.LockAsync(new StageLock("no-such-lead", "decision", Now, Now.AddDays(7), "marketer@example.com", null), default));
        Assert.NotEqual("consideration", (await Store.ForLeadAsync(leadId, default))?.Stage);
        Assert.Single(await PrivacyAuditAsync(leadId), a => a.Action == StageLocking.LockAction);
    }

    [Fact]
    public async Task Locking_in_the_stage_the_lead_has_and_unlocking_without_an_inferred_stage_leave_the_history_alone()
    {
        var leadId = await CreateLeadAsync("v-dan", Now);
        var before = await StageHistoryAsync(leadId);

        Assert.True(await Store.LockAsync(new StageLock(leadId, "awareness", Now, Now.AddDays(7), "marketer@example.com", null), default));
        Assert.NotNull(await Store.UnlockAsync(leadId, "marketer@example.com", Now.AddHours(1), null, default));

        Assert.Equal("awareness", await LeadStageAsync(leadId));
        Assert.Equal(before, await StageHistoryAsync(leadId));
        Assert.Equal([StageLocking.UnlockAction, StageLocking.LockAction], (await PrivacyAuditAsync(leadId)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_new_lock_replaces_the_old_one_and_the_history_goes_from_stage_to_stage()
    {
        var leadId = await CreateLeadAsync("v-eve", Now);
        var second = new StageLock(leadId, "consideration", Now.AddHours(1), Now.AddDays(14), "other@example.com", "a quote; then silence");

        await Store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", "first"), default);
        await Store.LockAsync(second, default);

        Assert.Equal(second, await Store.ForLeadAsync(leadId, default));
        Assert.Equal(
            [((string?)null, "awareness"), ("awareness", "decision"), ("decision", "consideration")],
            (await StageHistoryAsync(leadId)).Select(h => (h.From, h.To)));
        Assert.Equal(Now.AddHours(1), (await StageHistoryAsync(leadId))[^1].At);
    }

    [Fact]
    public async Task An_erasure_removes_the_lock()
    {
        var leadId = await CreateLeadAsync("v-cleo", Now);
        await Store.LockAsync(new StageLock(leadId, "decision", Now, Now.AddDays(7), "marketer@example.com", "named a colleague"), default);

        await EraseLeadAsync(leadId, Now);

        Assert.Null(await Store.ForLeadAsync(leadId, default));
        Assert.Null(await Store.ForVisitorAsync("v-cleo", default));
    }
}
