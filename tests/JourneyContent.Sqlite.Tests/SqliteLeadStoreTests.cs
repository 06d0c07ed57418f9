using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Tracking;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteLeadStoreTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SqliteLeadStore _leads = null!;
    private SqliteJourneyStore _journeys = null!;

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        _journeys = new SqliteJourneyStore(_database.Connections);
        _leads = new SqliteLeadStore(_database.Connections, _journeys);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private LeadCapture Capture(string email = "ada@example.com", string? visitor = null, LeadProfile? profile = null, string? stage = null, string content = "en/benchmark") => new()
    {
        Email = email,
        Language = "en",
        ContentId = content,
        Profile = profile ?? new LeadProfile { FirstName = "Ada" },
        DeclaredStage = stage,
        Stage = stage,
        VisitorId = visitor,
        Consent = new ConsentRecord("I agree to be contacted.", "2026-11", Now, "hash", content),
        Source = new LeadSource { UtmSource = "newsletter", UtmCampaign = "autumn", Referrer = "https://search.example/", LandingPage = "/en/pricing" },
        At = Now,
    };

    [Fact]
    public async Task Leads_are_deduplicated_by_email_and_keep_their_first_source()
    {
        var first = await _leads.CaptureAsync(Capture(visitor: "v1"), default);
        _database.Clock.Advance(TimeSpan.FromDays(2));
        var second = await _leads.CaptureAsync(Capture(visitor: "v2", profile: new LeadProfile { Company = "Sillage" }, content: "en/white-paper") with
        {
            Source = new LeadSource { UtmSource = "ads" },
        }, default);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.Lead.Id, second.Lead.Id);
        Assert.Equal(["v1"], second.OtherVisitors);
        Assert.Equal(("Ada", "Sillage"), (second.Lead.Profile.FirstName, second.Lead.Profile.Company));
        Assert.Equal("newsletter", second.Lead.Source.UtmSource);
        Assert.Equal(Now, second.Lead.LastActivityAt);
        var record = await _leads.RecordAsync(first.Lead.Id, default);
        Assert.Equal(["v1", "v2"], record!.Visitors);
        Assert.Equal(2, record.Consents.Count);
        Assert.Equal(["en/benchmark", "en/white-paper"], record.Downloads.Select(d => d.ContentId));
        Assert.Equal(1, (await _leads.ListAsync(new LeadQuery(), default)).Total);
    }

    [Fact]
    public async Task Concurrent_submissions_with_one_email_make_one_lead()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => _leads.CaptureAsync(Capture(visitor: $"v{i}"), default))));

        Assert.Single(results.Select(r => r.Lead.Id).Distinct());
        Assert.Single(results, r => r.IsNew);
        Assert.Equal(8, (await _leads.RecordAsync(results[0].Lead.Id, default))!.Visitors.Count);
    }

    [Fact]
    public async Task Stage_changes_are_recorded_from_the_form_and_from_visitors()
    {
        var captured = await _leads.CaptureAsync(Capture(visitor: "v1", stage: "consideration"), default);
        _database.Clock.Advance(TimeSpan.FromHours(1));

        var updates = await _leads.ApplyVisitorStagesAsync([("v1", "decision", Now), ("unknown-visitor", "loyalty", Now)], default);
        var again = await _leads.ApplyVisitorStagesAsync([("v1", "decision", Now)], default);

        Assert.Equal(new LeadStageChange(null, "consideration", captured.Lead.CreatedAt, "declared"), captured.StageChange);
        Assert.Equal([new LeadStageUpdate(captured.Lead.Id, new LeadStageChange("consideration", "decision", Now, "inferred"))], updates);
        Assert.Empty(again);
        Assert.Equal("decision", (await _leads.FindAsync(captured.Lead.Id, default))!.Stage);
        Assert.Equal(["consideration", "decision"], (await _leads.RecordAsync(captured.Lead.Id, default))!.StageHistory.Select(h => h.To));
    }

    [Fact]
    public async Task Downloads_and_confirmation_are_recorded()
    {
        var lead = (await _leads.CaptureAsync(Capture(), default)).Lead;

        await _leads.RecordDownloadAsync(lead.Id, "en/benchmark", Now.AddMinutes(1), default);
        await _leads.RecordDownloadAsync(lead.Id, "en/benchmark", Now.AddMinutes(2), default);
        await _leads.ConfirmEmailAsync(lead.Id, Now.AddMinutes(3), default);

        var record = await _leads.RecordAsync(lead.Id, default);
        var download = Assert.Single(record!.Downloads);
        Assert.Equal((Now.AddMinutes(1), 2), (download.DownloadedAt, download.Downloads));
        Assert.Equal(Now.AddMinutes(3), record.Lead.EmailConfirmedAt);
        Assert.True(await _leads.HasConsentedAsync(lead.Id, "2026-11", default));
        Assert.False(await _leads.HasConsentedAsync(lead.Id, "2027-01", default));
    }

    [Fact]
    public async Task A_new_device_is_linked_once_and_gets_the_leads_other_visitors()
    {
        var lead = (await _leads.CaptureAsync(Capture(visitor: "phone-visitor-00000000"), default)).Lead;

        var first = await _leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(1), default);
        var again = await _leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(2), default);

        Assert.Equal(["phone-visitor-00000000"], first);
        Assert.Empty(again);
        Assert.Equal(lead.Id, (await _leads.FindByVisitorAsync("laptop-visitor-0000000", default))?.Id);
    }

    [Fact]
    public async Task An_erased_lead_gets_no_new_device()
    {
        var lead = (await _leads.CaptureAsync(Capture(visitor: "phone-visitor-00000000"), default)).Lead;
        await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);

        var linked = await _leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(1), default);

        Assert.Empty(linked);
        Assert.Null(await _leads.FindByVisitorAsync("laptop-visitor-0000000", default));
    }

    [Fact]
    public async Task Erasure_deletes_personal_data_keeps_anonymous_events_and_is_audited()
    {
        var lead = (await _leads.CaptureAsync(Capture(visitor: "v1"), default)).Lead;
        await _journeys.AppendAsync([new JourneyEvent("v1", Now, JourneyEventType.View, "en/pricing", null), new JourneyEvent("v1", Now, JourneyEventType.FormSubmit, "en/benchmark", null)], [], default);

        var erased = await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);
        var twice = await _leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);

        Assert.True(erased);
        Assert.False(twice);
        var after = await _leads.RecordAsync(lead.Id, default);
        Assert.True(after!.Lead.IsErased);
        Assert.Null(after.Lead.Email);
        Assert.Null(after.Lead.Profile.FirstName);
        Assert.Empty(after.Consents);
        Assert.Empty(after.Visitors);
        Assert.Null(await _leads.FindByEmailAsync("ada@example.com", default));
        Assert.Empty(await _journeys.EventsOfAsync("v1", default));
        Assert.Equal(2, await _journeys.CountEventsAsync(default));
        var audit = Assert.Single(await _leads.PrivacyAuditAsync(lead.Id, 10, default));
        Assert.Equal(("erase", "admin@example.com"), (audit.Action, audit.ByUser));
        Assert.Contains("2 event(s) anonymised", audit.Detail, StringComparison.Ordinal);
        // The address may come back as a new lead.
        Assert.True((await _leads.CaptureAsync(Capture(), default)).IsNew);
    }

    [Fact]
    public async Task Leads_inactive_since_a_date_are_found_for_retention()
    {
        var old = (await _leads.CaptureAsync(Capture("old@example.com"), default)).Lead;
        _database.Clock.Advance(TimeSpan.FromDays(400));
        var recent = (await _leads.CaptureAsync(Capture("new@example.com"), default)).Lead;

        var inactive = await _leads.InactiveSinceAsync(Now.AddDays(-365), default);

        Assert.Equal([old.Id], inactive);
        Assert.NotEqual(old.Id, recent.Id);
    }

    [Theory]
    [InlineData("ada", 1)]
    [InlineData("SILLAGE", 1)]
    [InlineData("Ada Lovelace", 1)]
    [InlineData("example.com", 2)]
    [InlineData("100%", 0)]
    [InlineData("_", 0)]
    public async Task The_list_searches_name_email_and_company(string search, int expected)
    {
        await _leads.CaptureAsync(Capture("ada@example.com", profile: new LeadProfile { FirstName = "Ada", LastName = "Lovelace", Company = "Sillage" }), default);
        await _leads.CaptureAsync(Capture("grace@example.com", profile: new LeadProfile { FirstName = "Grace", Company = "Navy" }, stage: "decision"), default);

        var (found, total) = await _leads.ListAsync(new LeadQuery(search), default);

        Assert.Equal(expected, total);
        Assert.Equal(expected, found.Count);
        Assert.Equal(1, (await _leads.ListAsync(new LeadQuery(Stage: "decision"), default)).Total);
    }
}
