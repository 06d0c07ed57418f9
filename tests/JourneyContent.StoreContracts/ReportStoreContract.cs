using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Reports;
using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;
using JourneyContent.Tracking;

namespace JourneyContent.StoreContracts;

/// <summary>
/// What every <see cref="IReportStore"/> answers, whatever the database: every report on a small data set whose answers
/// were worked out by hand (see the comments), three visitors and two leads written through the provider's journey and
/// lead stores. Each provider's test project derives from this class.
/// </summary>
public abstract class ReportStoreContract : IAsyncLifetime
{
    /// <summary>A Monday morning in March 2026, the data set's first instant.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The site's stage order.</summary>
    protected static readonly string[] Stages = ["awareness", "consideration", "decision", "loyalty", "advocacy"];

    private (IReportStore Reports, IJourneyStore Journeys, ILeadStore Leads)? _stores;

    /// <summary>The report store under test.</summary>
    protected IReportStore Reports => Stores.Reports;

    /// <summary>The journey store on the same database.</summary>
    protected IJourneyStore Journeys => Stores.Journeys;

    /// <summary>The lead store on the same database.</summary>
    protected ILeadStore Leads => Stores.Leads;

    private (IReportStore Reports, IJourneyStore Journeys, ILeadStore Leads) Stores =>
        _stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.");

    /// <summary>A report store and the journey and lead stores that write what it reads, on a new, migrated, empty database.</summary>
    protected abstract Task<(IReportStore Reports, IJourneyStore Journeys, ILeadStore Leads)> CreateStoresAsync();

    /// <summary>Removes the database of <see cref="CreateStoresAsync"/>.</summary>
    protected abstract Task DeleteStoresAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _stores = await CreateStoresAsync();
        // v1 reads a, b, c and the benchmark, and moves awareness → consideration → decision.
        // v2 reads a and stays in awareness. v3 reads the French x, enters in consideration and falls back to awareness.
        await Journeys.AppendAsync(
            [
                View("v1", "en/a", 0), View("v2", "en/a", 0), View("v1", "en/b", 1), View("v3", "fr/x", 1),
                View("v1", "en/c", 2), View("v1", "en/benchmark", 2),
            ],
            [
                Move("v1", null, "awareness", 0), Move("v2", null, "awareness", 0),
                Move("v1", "awareness", "consideration", 1), Move("v3", null, "consideration", 1),
                Move("v3", "consideration", "awareness", 2), Move("v1", "consideration", "decision", 3),
            ],
            default);
        // L1 (v1): English, from the newsletter, asked for the benchmark on day 2 and downloaded it; decision.
        var l1 = await Leads.CaptureAsync(new LeadCapture
        {
            Email = "one@example.com", Language = "en", ContentId = "en/benchmark", Stage = "decision", VisitorId = "v1",
            Source = new LeadSource { UtmSource = "newsletter" }, At = T0.AddDays(2),
        }, default);
        await Leads.RecordDownloadAsync(l1.Lead.Id, "en/benchmark", T0.AddDays(2), default);
        // L2 (no visitor): French, from LinkedIn, asked for the French white paper on day 40; awareness.
        await Leads.CaptureAsync(new LeadCapture
        {
            Email = "two@example.com", Language = "fr", ContentId = "fr/livre", Stage = "awareness",
            Source = new LeadSource { UtmSource = "linkedin" }, At = T0.AddDays(40),
        }, default);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoresAsync();

    [Fact]
    public async Task The_funnel_counts_current_stages_and_conversions_between_reached_stages()
    {
        var funnel = await Reports.FunnelAsync(ReportFilter.All, Stages, default);

        // Current: v1 decision, v2 and v3 awareness. Highest reached: v1 decision, v2 awareness, v3 consideration.
        Assert.Equal(
            [
                new FunnelStage("awareness", 2, 1, 3, 2.0 / 3),
                new FunnelStage("consideration", 0, 0, 2, 1.0 / 2),
                new FunnelStage("decision", 1, 1, 1, 0),
                new FunnelStage("loyalty", 0, 0, 0, null),
                new FunnelStage("advocacy", 0, 0, 0, null),
            ],
            funnel.Stages);
    }

    [Fact]
    public async Task The_transition_matrix_has_counts_median_stays_and_the_backward_share()
    {
        var report = await Reports.TransitionsAsync(ReportFilter.All, Stages, default);

        Assert.Equal(
            [
                new TransitionCell(null, "awareness", 2), new TransitionCell(null, "consideration", 1),
                new TransitionCell("awareness", "consideration", 1),
                new TransitionCell("consideration", "awareness", 1), new TransitionCell("consideration", "decision", 1),
            ],
            report.Cells);
        Assert.Equal((3, 1), (report.Moves, report.Backward));
        Assert.Equal(1.0 / 3, report.BackwardShare);
        // Awareness: v1 stayed 1 day. Consideration: v1 2 days, v3 1 day → median 1.5 days.
        Assert.Equal(TimeSpan.FromDays(1), report.MedianTimeInStage["awareness"]);
        Assert.Equal(TimeSpan.FromDays(1.5), report.MedianTimeInStage["consideration"]);
        Assert.False(report.MedianTimeInStage.ContainsKey("decision"));
    }

    [Fact]
    public async Task Content_influence_counts_views_readers_leads_and_readers_moved_forward_within_14_days()
    {
        var rows = await Reports.ContentInfluenceAsync(ReportFilter.All, Stages, default);

        // a: v1's next change after reading is forward, v2 has none. b, c, benchmark: v1's next change is forward.
        // x: v3's next change is backward. fr/livre: asked for by L2 without a tracked view.
        Assert.Equal(
            [
                new ContentInfluenceRow("en/a", 2, 2, 0, 1),
                new ContentInfluenceRow("en/benchmark", 1, 1, 1, 1),
                new ContentInfluenceRow("en/b", 1, 1, 0, 1),
                new ContentInfluenceRow("en/c", 1, 1, 0, 1),
                new ContentInfluenceRow("fr/x", 1, 1, 0, 0),
                new ContentInfluenceRow("fr/livre", 0, 0, 1, 0),
            ],
            rows);
        Assert.Equal(0.5, rows[0].ForwardShare);
    }

    [Fact]
    public async Task A_forward_move_later_than_14_days_after_the_reading_does_not_count()
    {
        await Journeys.AppendAsync([View("v2", "en/late", 1)], [Move("v2", "awareness", "consideration", 20)], default);

        var late = Assert.Single(await Reports.ContentInfluenceAsync(ReportFilter.All, Stages, default), r => r.ContentId == "en/late");

        Assert.Equal(0, late.MovedForward);
    }

    [Fact]
    public async Task Gated_assets_go_from_form_views_to_submissions_to_downloads()
    {
        var rows = await Reports.GatedAssetsAsync(ReportFilter.All, ["en/benchmark", "fr/livre"], default);

        Assert.Equal([new GatedAssetRow("en/benchmark", 1, 1, 1), new GatedAssetRow("fr/livre", 0, 1, 0)], rows);
    }

    [Fact]
    public async Task Drop_off_counts_leads_inactive_for_30_days_by_stage_and_names_the_stage_that_loses_most()
    {
        var report = await Reports.DropOffAsync(ReportFilter.All, Stages, T0.AddDays(50), default);

        // L1 was last active on day 2 (inactive on day 50), L2 on day 40 (active).
        Assert.Equal(new DropOffRow("awareness", 1, 0), report.Rows[0]);
        Assert.Equal(new DropOffRow("decision", 1, 1), report.Rows[2]);
        Assert.Equal("decision", report.LosesMost);
    }

    [Fact]
    public async Task The_trend_counts_leads_per_iso_week_by_stage()
    {
        var weeks = await Reports.TrendAsync(ReportFilter.All, default);

        // L1 on Wednesday 4 March 2026 (week of Monday 2 March), L2 on Saturday 11 April (week of Monday 6 April).
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 6)], weeks.Select(w => w.WeekStart));
        Assert.Equal(1, weeks[0].ByStage["decision"]);
        Assert.Equal(1, weeks[1].ByStage["awareness"]);
    }

    [Fact]
    public async Task Filters_narrow_by_language_topic_date_and_source()
    {
        var french = new ReportFilter { Language = "fr", ContentIds = new HashSet<string> { "fr/x", "fr/livre" } };
        var fromDayOne = new ReportFilter { From = T0.AddDays(1) };
        var linkedin = new ReportFilter { Source = "linkedin" };
        var topic = new ReportFilter { Topic = "benchmarks", ContentIds = new HashSet<string> { "en/benchmark" } };

        var frenchFunnel = await Reports.FunnelAsync(french, Stages, default);
        var laterMoves = await Reports.TransitionsAsync(fromDayOne, Stages, default);
        var linkedinFunnel = await Reports.FunnelAsync(linkedin, Stages, default);
        var topicInfluence = await Reports.ContentInfluenceAsync(topic, Stages, default);
        var topicFunnel = await Reports.FunnelAsync(topic, Stages, default);

        // French: only v3 read French content (now awareness, reached consideration); L2 is the French lead.
        Assert.Equal((1, 1, 1), (frenchFunnel.Stages[0].Visitors, frenchFunnel.Stages[0].Leads, frenchFunnel.Stages[1].Reached));
        Assert.Equal(0, frenchFunnel.Stages[2].Visitors);
        // From day 1: v2 (active on day 0 only) is out, and v1's first stage (day 0) is before the range.
        Assert.Equal(4, laterMoves.Cells.Sum(c => c.Count));
        Assert.DoesNotContain(laterMoves.Cells, c => c.From is null && c.To == "awareness");
        Assert.Equal([1, 0, 0, 0, 0], linkedinFunnel.Stages.Select(s => s.Leads));
        Assert.Equal(["en/benchmark"], topicInfluence.Select(r => r.ContentId));
        Assert.Equal(1, topicFunnel.Stages[2].Leads);
        Assert.Equal(0, topicFunnel.Stages[0].Leads);
    }

    /// <summary>A view of <paramref name="content"/> by <paramref name="visitor"/>, <paramref name="day"/> days after <see cref="T0"/>.</summary>
    protected static JourneyEvent View(string visitor, string content, double day) => new(visitor, T0.AddDays(day), JourneyEventType.View, content, null);

    /// <summary>A stage change of <paramref name="visitor"/>, <paramref name="day"/> days after <see cref="T0"/>.</summary>
    protected static StoredTransition Move(string visitor, string? from, string to, double day) => new(visitor, from, to, T0.AddDays(day), null, "inferred");
}
