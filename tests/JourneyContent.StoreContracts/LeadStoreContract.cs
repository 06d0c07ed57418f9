using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.StoreContracts;

/// <summary>What every <see cref="ILeadStore"/> does, whatever the database: each provider's test project derives from this class.</summary>
public abstract class LeadStoreContract : IAsyncLifetime
{
    private (ILeadStore Leads, IJourneyStore Journeys)? _stores;

    /// <summary>The clock of the data set, from a Monday morning in March 2026.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The lead store under test.</summary>
    protected ILeadStore Leads => (_stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.")).Leads;

    /// <summary>The journey store on the same database.</summary>
    protected IJourneyStore Journeys => (_stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.")).Journeys;

    private DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A lead store and the journey store it reads, on a new, migrated, empty database.</summary>
    protected abstract Task<(ILeadStore Leads, IJourneyStore Journeys)> CreateStoresAsync();

    /// <summary>Removes the database of <see cref="CreateStoresAsync"/>.</summary>
    protected abstract Task DeleteStoresAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _stores = await CreateStoresAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoresAsync();

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
        var first = await Leads.CaptureAsync(Capture(visitor: "v1"), default);
        Clock.Advance(TimeSpan.FromDays(2));
        var second = await Leads.CaptureAsync(Capture(visitor: "v2", profile: new LeadProfile { Company = "Sillage" }, content: "en/white-paper") with
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
        var record = await Leads.RecordAsync(first.Lead.Id, default);
        Assert.Equal(["v1", "v2"], record!.Visitors);
        Assert.Equal(2, record.Consents.Count);
        Assert.Equal(["en/benchmark", "en/white-paper"], record.Downloads.Select(d => d.ContentId));
        Assert.Equal(1, (await Leads.ListAsync(new LeadQuery(), default)).Total);
    }

    [Fact]
    public async Task Concurrent_submissions_with_one_email_make_one_lead()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Leads.CaptureAsync(Capture(visitor: $"v{i}"), default))));

        Assert.Single(results.Select(r => r.Lead.Id).Distinct());
        Assert.Single(results, r => r.IsNew);
        Assert.Equal(8, (await Leads.RecordAsync(results[0].Lead.Id, default))!.Visitors.Count);
    }

    [Fact]
    public async Task Stage_changes_are_recorded_from_the_form_and_from_visitors()
    {
        var captured = await Leads.CaptureAsync(Capture(visitor: "v1", stage: "consideration"), default);
        Clock.Advance(TimeSpan.FromHours(1));

        var updates = await Leads.ApplyVisitorStagesAsync([("v1", "decision", Now), ("unknown-visitor", "loyalty", Now)], default);
        var again = await Leads.ApplyVisitorStagesAsync([("v1", "decision", Now)], default);

        Assert.Equal(new LeadStageChange(null, "consideration", captured.Lead.CreatedAt, "declared"), captured.StageChange);
        Assert.Equal([new LeadStageUpdate(captured.Lead.Id, new LeadStageChange("consideration", "decision", Now, "inferred"))], updates);
        Assert.Empty(again);
        Assert.Equal("decision", (await Leads.FindAsync(captured.Lead.Id, default))!.Stage);
        Assert.Equal(["consideration", "decision"], (await Leads.RecordAsync(captured.Lead.Id, default))!.StageHistory.Select(h => h.To));
    }

    [Fact]
    public async Task Downloads_and_confirmation_are_recorded()
    {
        var lead = (await Leads.CaptureAsync(Capture(), default)).Lead;

        await Leads.RecordDownloadAsync(lead.Id, "en/benchmark", Now.AddMinutes(1), default);
        await Leads.RecordDownloadAsync(lead.Id, "en/benchmark", Now.AddMinutes(2), default);
        await Leads.ConfirmEmailAsync(lead.Id, Now.AddMinutes(3), default);

        var record = await Leads.RecordAsync(lead.Id, default);
        var download = Assert.Single(record!.Downloads);
        Assert.Equal((Now.AddMinutes(1), 2), (download.DownloadedAt, download.Downloads));
        Assert.Equal(Now.AddMinutes(3), record.Lead.EmailConfirmedAt);
        Assert.True(await Leads.HasConsentedAsync(lead.Id, "2026-11", default));
        Assert.False(await Leads.HasConsentedAsync(lead.Id, "2027-01", default));
    }

    [Fact]
    public async Task A_new_device_is_linked_once_and_gets_theLeads_other_visitors()
    {
        var lead = (await Leads.CaptureAsync(Capture(visitor: "phone-visitor-00000000"), default)).Lead;

        var first = await Leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(1), default);
        var again = await Leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(2), default);

        Assert.Equal(["phone-visitor-00000000"], first);
        Assert.Empty(again);
        Assert.Equal(lead.Id, (await Leads.FindByVisitorAsync("laptop-visitor-0000000", default))?.Id);
    }

    [Fact]
    public async Task An_erased_lead_gets_no_new_device()
    {
        var lead = (await Leads.CaptureAsync(Capture(visitor: "phone-visitor-00000000"), default)).Lead;
        await Leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);

        var linked = await Leads.LinkVisitorAsync(lead.Id, "laptop-visitor-0000000", Now.AddMinutes(1), default);

        Assert.Empty(linked);
        Assert.Null(await Leads.FindByVisitorAsync("laptop-visitor-0000000", default));
    }

    [Fact]
    public async Task Erasure_deletes_personal_data_keeps_anonymous_events_and_is_audited()
    {
        var lead = (await Leads.CaptureAsync(Capture(visitor: "v1"), default)).Lead;
        await Journeys.AppendAsync([new JourneyEvent("v1", Now, JourneyEventType.View, "en/pricing", null), new JourneyEvent("v1", Now, JourneyEventType.FormSubmit, "en/benchmark", null)], [], default);

        var erased = await Leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);
        var twice = await Leads.EraseAsync(lead.Id, "admin@example.com", "erase", Now, default);

        Assert.True(erased);
        Assert.False(twice);
        var after = await Leads.RecordAsync(lead.Id, default);
        Assert.True(after!.Lead.IsErased);
        Assert.Null(after.Lead.Email);
        Assert.Null(after.Lead.Profile.FirstName);
        Assert.Empty(after.Consents);
        Assert.Empty(after.Visitors);
        Assert.Null(await Leads.FindByEmailAsync("ada@example.com", default));
        Assert.Empty(await Journeys.EventsOfAsync("v1", default));
        Assert.Equal(2, await Journeys.CountEventsAsync(default));
        var audit = Assert.Single(await Leads.PrivacyAuditAsync(lead.Id, 10, default));
        Assert.Equal(("erase", "admin@example.com"), (audit.Action, audit.ByUser));
        Assert.Contains("2 event(s) anonymised", audit.Detail, StringComparison.Ordinal);
        // The address may come back as a new lead.
        Assert.True((await Leads.CaptureAsync(Capture(), default)).IsNew);
    }

    [Fact]
    public async Task Leads_inactive_since_a_date_are_found_for_retention()
    {
        var old = (await Leads.CaptureAsync(Capture("old@example.com"), default)).Lead;
        Clock.Advance(TimeSpan.FromDays(400));
        var recent = (await Leads.CaptureAsync(Capture("new@example.com"), default)).Lead;

        var inactive = await Leads.InactiveSinceAsync(Now.AddDays(-365), default);

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
        await Leads.CaptureAsync(Capture("ada@example.com", profile: new LeadProfile { FirstName = "Ada", LastName = "Lovelace", Company = "Sillage" }), default);
        await Leads.CaptureAsync(Capture("grace@example.com", profile: new LeadProfile { FirstName = "Grace", Company = "Navy" }, stage: "decision"), default);

        var (found, total) = await Leads.ListAsync(new LeadQuery(search), default);

        Assert.Equal(expected, total);
        Assert.Equal(expected, found.Count);
        Assert.Equal(1, (await Leads.ListAsync(new LeadQuery(Stage: "decision"), default)).Total);
    }
}
