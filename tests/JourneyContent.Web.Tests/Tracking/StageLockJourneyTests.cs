using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Sqlite;
using JourneyContent.StageLocks;
using JourneyContent.Tracking;
using JourneyContent.Web.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Web.Tests.Tracking;

/// <summary>A marketer's stage lock over the live journeys and a real SQLite store: held, expired, removed, and kept across a restart.</summary>
public sealed class StageLockJourneyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-locks-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeTimeProvider _time = new(T0);

    private readonly FixedContentSource _content = new(
        FixedContentSource.Item("en/why-leads-go-cold", "blog-post", "awareness"),
        FixedContentSource.Item("en/benchmark-2026", "comparison-benchmark", "consideration"),
        FixedContentSource.Item("en/pricing", "pricing", "decision"));

    private SqliteConnectionFactory _connections = null!;
    private SqliteJourneyStore _events = null!;
    private SqliteLeadStore _leads = null!;
    private SqliteStageLockStore _locks = null!;

    public async Task InitializeAsync()
    {
        _connections = new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "journeycontent.db") }));
        await new SqliteMigrator(_connections, _time, NullLogger<SqliteMigrator>.Instance).MigrateAsync();
        _events = new SqliteJourneyStore(_connections);
        _leads = new SqliteLeadStore(_connections, _events);
        _locks = new SqliteStageLockStore(_connections);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_locked_visitor_stays_in_the_locked_stage_whatever_they_read_and_no_inferred_move_is_stored()
    {
        var (journeys, locking, leadId) = await LeadAsync("anna");
        await RecordAsync(journeys, "anna", "en/why-leads-go-cold");

        var outcome = await locking.LockAsync(new StageLockRequest(leadId, "awareness", T0.AddDays(30), "talks to procurement first", "marketer@example.com"), default);
        var transitions = new List<StoredTransition>();
        for (var i = 0; i < 6; i++)
        {
            transitions.AddRange(await RecordAsync(journeys, "anna", "en/pricing"));
        }

        var estimate = await journeys.EstimateAsync("anna", _time.GetUtcNow());
        Assert.NotNull(outcome.Lock);
        Assert.Equal(("awareness", StageSource.Locked), (estimate.Stage?.Key, estimate.Source));
        Assert.True(estimate.Probabilities["decision"] > estimate.Probabilities["awareness"], "the belief underneath still follows the evidence");
        Assert.Empty(transitions);
        Assert.Equal("awareness", (await _leads.FindAsync(leadId, default))!.Stage);
    }

    [Fact]
    public async Task When_the_lock_expires_the_next_event_returns_the_visitor_to_inference_with_a_stored_transition()
    {
        var (journeys, locking, leadId) = await LeadAsync("ben");
        await RecordAsync(journeys, "ben", "en/why-leads-go-cold");
        await locking.LockAsync(new StageLockRequest(leadId, "awareness", T0.AddDays(7), null, "marketer@example.com"), default);
        for (var i = 0; i < 6; i++)
        {
            await RecordAsync(journeys, "ben", "en/pricing");
        }

        _time.Advance(TimeSpan.FromDays(7));
        var expired = await journeys.EstimateAsync("ben", _time.GetUtcNow());
        var transitions = await RecordAsync(journeys, "ben", "en/pricing");

        Assert.Equal(("decision", StageSource.Inferred), (expired.Stage?.Key, expired.Source));
        Assert.Null(await locking.ActiveAsync(leadId, default));
        var back = Assert.Single(transitions);
        Assert.Equal(("awareness", "decision", VisitorJourneys.LockExpired, T0.AddDays(7)), (back.FromStage, back.ToStage, back.Reason, back.At));
    }

    [Fact]
    public async Task Removing_the_lock_early_gives_the_stage_back_to_inference_and_moves_the_lead_back()
    {
        var (journeys, locking, leadId) = await LeadAsync("cleo");
        for (var i = 0; i < 4; i++)
        {
            await RecordAsync(journeys, "cleo", "en/pricing");
        }

        await locking.LockAsync(new StageLockRequest(leadId, "awareness", T0.AddDays(90), null, "marketer@example.com"), default);
        _time.Advance(TimeSpan.FromDays(1));

        Assert.True(await locking.UnlockAsync(leadId, "admin@example.com", default));
        Assert.False(await locking.UnlockAsync(leadId, "admin@example.com", default));
        var estimate = await journeys.EstimateAsync("cleo", _time.GetUtcNow());
        Assert.Equal(("decision", StageSource.Inferred), (estimate.Stage?.Key, estimate.Source));
        Assert.Null(await _locks.ForLeadAsync(leadId, default));
        var record = (await _leads.RecordAsync(leadId, default))!;
        Assert.Equal("decision", record.Lead.Stage);
        Assert.Equal(["locked", "unlocked"], record.StageHistory.Where(h => h.Reason is "locked" or "unlocked").Select(h => h.Reason));
    }

    [Fact]
    public async Task A_lock_survives_a_restart_the_rebuilt_visitor_is_replayed_from_events_and_locked_again()
    {
        var (journeys, locking, leadId) = await LeadAsync("dora");
        for (var i = 0; i < 4; i++)
        {
            await RecordAsync(journeys, "dora", "en/pricing");
        }

        await locking.LockAsync(new StageLockRequest(leadId, "consideration", T0.AddDays(30), null, "marketer@example.com"), default);

        var restarted = new VisitorJourneys(StageInferenceEngine.Default, _content, _events, 100, _locks);
        var estimate = await restarted.EstimateAsync("dora", _time.GetUtcNow());

        Assert.Equal(4, restarted.Replayed.Events);
        Assert.Equal(("consideration", StageSource.Locked), (estimate.Stage?.Key, estimate.Source));
        Assert.Equal(T0.AddDays(30), estimate.Lock?.Until);
    }

    [Theory]
    [InlineData("nirvana", 30.0, null, "Stage", "StageLock.UnknownStage")]
    [InlineData(null, 30.0, null, "Stage", "StageLock.UnknownStage")]
    [InlineData("decision", -1.0, null, "Until", "StageLock.PastExpiry")]
    [InlineData("decision", 0.0, null, "Until", "StageLock.PastExpiry")]
    [InlineData("decision", 366.0, null, "Until", "StageLock.TooLong")]
    [InlineData("decision", null, null, "Until", "StageLock.MissingExpiry")]
    [InlineData("decision", 30.0, 501, "Reason", "StageLock.ReasonTooLong")]
    public async Task A_bad_lock_request_is_refused_field_by_field_and_changes_nothing(string? stage, double? days, int? reasonLength, string field, string error)
    {
        var (journeys, locking, leadId) = await LeadAsync("emil");
        await RecordAsync(journeys, "emil", "en/pricing");

        var outcome = await locking.LockAsync(new StageLockRequest(leadId, stage, days is { } d ? T0.AddDays(d) : null, reasonLength is { } n ? new string('x', n) : null, "marketer@example.com"), default);

        Assert.Null(outcome.Lock);
        Assert.True(outcome.LeadFound);
        Assert.Equal(error, Assert.Contains(field, outcome.Errors));
        Assert.Null(await _locks.ForLeadAsync(leadId, default));
        Assert.Empty(await _leads.PrivacyAuditAsync(leadId, 10, default));
        Assert.Equal(StageSource.Inferred, (await journeys.EstimateAsync("emil", _time.GetUtcNow())).Source);
    }

    [Fact]
    public async Task A_lock_of_an_unknown_or_erased_lead_is_refused_as_not_found()
    {
        var (_, locking, leadId) = await LeadAsync("fred");
        await _leads.EraseAsync(leadId, "admin@example.com", "erase", T0, default);

        var unknown = await locking.LockAsync(new StageLockRequest("no-such-lead", "decision", T0.AddDays(7), null, "marketer@example.com"), default);
        var erased = await locking.LockAsync(new StageLockRequest(leadId, "decision", T0.AddDays(7), null, "marketer@example.com"), default);

        Assert.Equal((false, false), (unknown.LeadFound, erased.LeadFound));
        Assert.Null(await _locks.ForLeadAsync(leadId, default));
    }

    private async Task<(VisitorJourneys Journeys, StageLocking Locking, string LeadId)> LeadAsync(string visitorId)
    {
        var journeys = new VisitorJourneys(StageInferenceEngine.Default, _content, _events, 100, _locks);
        var lead = await _leads.CaptureAsync(new LeadCapture { Email = visitorId + "@example.com", Language = "en", ContentId = "en/benchmark-2026", VisitorId = visitorId, At = T0 }, default);
        return (journeys, new StageLocking(_locks, _leads, journeys, _time), lead.Lead.Id);
    }

    // Records and stores an event a minute later, as the tracker's writer would, and returns the transitions it caused.
    private async Task<IReadOnlyList<StoredTransition>> RecordAsync(VisitorJourneys journeys, string visitorId, string contentId)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var outcome = await journeys.RecordAsync(visitorId, _time.GetUtcNow(), JourneyEventType.View, contentId);
        await _events.AppendAsync([outcome.Event!.Value], outcome.Transitions, default);
        return outcome.Transitions;
    }
}
