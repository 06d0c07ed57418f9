using System.Net;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.Reports;

/// <summary>
/// Every number says which period it covers: the marketers' overview, the presets from the site's clock, the previous
/// period, dates in the wrong order, empty periods and the source filter that visitors escape. The site runs on a fake
/// clock (Thursday 3 December 2026) with leads captured at known days.
/// </summary>
public sealed class ReportContextTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly DemoSite _site = new DemoSite().WithTime(new FakeTimeProvider(Now));
    private BackOfficeClient _marketer = null!;

    public async Task InitializeAsync()
    {
        var leads = _site.Services.GetRequiredService<ILeadStore>();
        async Task Capture(string email, DateTimeOffset at, string stage, string visitor) =>
            await leads.CaptureAsync(new LeadCapture { Email = email, Language = "en", ContentId = "en/x", Stage = stage, VisitorId = visitor, At = at }, default);

        // Two leads in the last 30 days, one in the 30 days before them.
        await Capture("early@example.com", new(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), "awareness", "visitor-early");
        await Capture("mover@example.com", new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), "awareness", "visitor-mover");
        await Capture("stayer@example.com", new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "consideration", "visitor-stayer");

        // The mover reaches decision the week after it was captured.
        await leads.ApplyVisitorStagesAsync([("visitor-mover", "decision", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero))], default);
        _marketer = await BackOfficeClient.SignedInAsync(_site, JourneyRoles.Marketer);
    }

    public Task DisposeAsync()
    {
        _marketer.Dispose();
        _site.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_overview_shows_the_funnel_the_new_leads_against_the_previous_period_the_trend_and_a_link_to_every_report()
    {
        var html = WebUtility.HtmlDecode(await GetAsync("/journey/admin/reports?from=2026-11-04&to=2026-12-03"));

        Assert.Contains("id=\"new-leads\">2<", html, StringComparison.Ordinal);
        Assert.Contains("Previous period: 1 (+100%)", html, StringComparison.Ordinal);
        Assert.Contains("Period shown: 4 Nov 2026 – 3 Dec 2026", html, StringComparison.Ordinal);
        Assert.Contains("compared with 5 Oct 2026 – 3 Nov 2026", html, StringComparison.Ordinal);
        Assert.Contains("id=\"overview-funnel-chart-title\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"overview-trend-chart-title\"", html, StringComparison.Ordinal);
        foreach (var report in JourneyContent.Reports.Catalog.ReportCatalog.Default.Reports)
        {
            Assert.Contains($"href=\"/journey/admin/reports/{report.Definition.Key}?from=2026-11-04&to=2026-12-03\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/journey/admin/leads\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_over_a_bounded_period_shows_each_count_of_the_previous_period_beside_it()
    {
        var html = await GetAsync("/journey/admin/reports/funnel?from=2026-11-04&to=2026-12-03");
        var allTime = await GetAsync("/journey/admin/reports/funnel");

        // Awareness leads: none captured in the last 30 days, one in the 30 days before.
        var awareness = System.Text.RegularExpressions.Regex.Match(html, "<tr data-stage=\"awareness\"[^>]*>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("<td>0\\s*<span class=\"previous\">before: 1</span>\\s*</td>", awareness);
        Assert.DoesNotContain("class=\"previous\"", allTime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_dates_says_it_shows_all_time_and_offers_presets_ending_today_by_the_sites_clock()
    {
        var html = await GetAsync("/journey/admin/reports/funnel");

        Assert.Contains("Period shown: All time", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?from=2026-11-27&amp;to=2026-12-03\">Last 7 days<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?from=2026-11-04&amp;to=2026-12-03\">Last 30 days<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?from=2026-09-05&amp;to=2026-12-03\">Last 90 days<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?from=2026-10-01&amp;to=2026-12-03\">This quarter<", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\">All time<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/journey/admin/reports/funnel?from=2026-12-01&to=2026-11-01")]
    [InlineData("/journey/admin/reports?from=2026-12-01&to=2026-11-01")]
    public async Task Dates_in_the_wrong_order_are_refused_with_a_message_and_no_figures(string url)
    {
        using var response = await _marketer.Http.GetAsync(new Uri(url, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The “From” date is after the “To” date", html, StringComparison.Ordinal);
        Assert.Contains("No figure is shown until the dates are in order.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_of_dates_in_the_wrong_order_is_refused_with_a_message()
    {
        using var response = await _marketer.Http.GetAsync(new Uri("/journey/admin/reports/trend?from=2026-12-01&to=2026-11-01&format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is after the", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("funnel")]
    [InlineData("trend")]
    [InlineData("gated")]
    public async Task A_period_with_nothing_in_it_explains_itself_instead_of_drawing_zeros(string report)
    {
        var html = WebUtility.HtmlDecode(await GetAsync($"/journey/admin/reports/{report}?from=2020-01-01&to=2020-01-31"));

        Assert.Contains("id=\"report-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("Nothing to show for 1 Jan 2020 – 31 Jan 2020", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_filter_says_which_columns_count_every_visitor_and_leaves_the_rate_of_leads_over_visitors_empty()
    {
        var funnel = WebUtility.HtmlDecode(await GetAsync("/journey/admin/reports/funnel?source=newsletter"));
        var csv = await GetAsync("/journey/admin/reports/gated?source=newsletter&format=csv");
        var unfiltered = WebUtility.HtmlDecode(await GetAsync("/journey/admin/reports/funnel"));

        Assert.Contains("The source “newsletter” narrows leads only", funnel, StringComparison.Ordinal);
        Assert.Contains("Visitors now, Reached, Conversion to next", funnel, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"source-note\"", unfiltered, StringComparison.Ordinal);
        Assert.All(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.EndsWith(",", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trend_counts_a_past_week_by_the_stage_its_leads_had_then_not_their_stage_now()
    {
        var csv = await GetAsync("/journey/admin/reports/trend?format=csv");
        var leads = await GetAsync("/journey/admin/leads?format=csv");

        // Week of 16 November: the mover was in awareness then (it is in decision now), the stayer in consideration.
        Assert.Contains("2026-11-16,1,1,0,0,0,2", csv, StringComparison.Ordinal);
        Assert.Contains("2026-11-23,0,0,0,0,0,0", csv, StringComparison.Ordinal);
        Assert.Contains("mover@example.com", leads, StringComparison.Ordinal);
        Assert.Contains(",decision,", leads.Split("\r\n").First(l => l.Contains("mover@example.com", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trend_chart_has_evenly_spaced_weeks_round_ticks_and_dates_written_in_the_page_language()
    {
        var english = await GetAsync("/journey/admin/reports/trend?from=2026-10-19&to=2026-11-29");
        var french = WebUtility.HtmlDecode(await GetAsync("/journey/admin/reports/trend?from=2026-10-19&to=2026-11-29", "fr"));

        // Six weeks, the empty ones included; the first label has its year, the others day and month only.
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(english, "class=\"chart-column\"").Count);
        Assert.Contains(">19 Oct 2026</text>", english, StringComparison.Ordinal);
        Assert.Contains(">16 Nov</text>", english, StringComparison.Ordinal);
        Assert.Contains(">16 nov.</text>", french, StringComparison.Ordinal);
        Assert.DoesNotContain(">11-16<", english, StringComparison.Ordinal);
        var ticks = System.Text.RegularExpressions.Regex.Match(english, "<g class=\"chart-ticks\">(.*?)</g>").Groups[1].Value;
        Assert.Equal(["0", "1", "2"], System.Text.RegularExpressions.Regex.Matches(ticks, ">(\\d+)</text>").Select(m => m.Groups[1].Value));
    }

    private async Task<string> GetAsync(string url, string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await _marketer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
