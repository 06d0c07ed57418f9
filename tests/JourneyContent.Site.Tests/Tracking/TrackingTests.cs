using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Journeys;
using JourneyContent.Testing;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Tracking;

public sealed class TrackingTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "jc-track-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Visitor_reading_three_consideration_items_is_in_consideration()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        await Consent(visitor, accept: true);

        foreach (var item in site.Content.InLanguage("en").Where(i => i.Stage == "consideration" && i.SecondaryStages.Count == 0).Take(3))
        {
            using var page = await visitor.GetAsync(new Uri(item.Url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var me = await Me(visitor);

        Assert.Equal("consideration", me.GetProperty("stage").GetString());
        Assert.InRange(me.GetProperty("confidence").GetDouble(), 0.0001, 1);
        Assert.True(me.GetProperty("scores").GetProperty("consideration").GetDouble() > me.GetProperty("scores").GetProperty("awareness").GetDouble());
    }

    [Fact]
    public async Task Before_consent_no_tracking_cookie_is_set_and_no_event_is_stored()
    {
        using var site = Site();
        using var visitor = Visitor(site);

        using var page = await visitor.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));
        var me = await Me(visitor);

        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(TrackingRequest.VisitorCookie, StringComparison.Ordinal)));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("stage").ValueKind);
        Assert.Contains("consent-banner", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Theory]
    [InlineData("DNT", "1")]
    [InlineData("Sec-GPC", "1")]
    public async Task Do_not_track_and_global_privacy_control_are_honoured_even_after_consent(string header, string value)
    {
        using var site = Site();
        using var visitor = Visitor(site);
        visitor.DefaultRequestHeaders.Add(header, value);
        using var consent = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });

        using var page = await visitor.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));

        Assert.False(consent.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(TrackingRequest.VisitorCookie, StringComparison.Ordinal)));
        Assert.DoesNotContain("consent-banner", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Fact]
    public async Task A_refusal_sets_no_tracking_cookie_and_stores_nothing()
    {
        using var site = Site();
        using var visitor = Visitor(site);

        using var refusal = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = false });
        using var page = await visitor.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, refusal.StatusCode);
        Assert.DoesNotContain("consent-banner", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task Bots_are_not_tracked(string userAgent)
    {
        using var site = Site();
        using var bot = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        bot.DefaultRequestHeaders.UserAgent.Clear();
        bot.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        bot.DefaultRequestHeaders.Add("Cookie", $"{TrackingRequest.ConsentCookie}=granted");

        using var page = await bot.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Fact]
    public async Task Stage_changes_are_stored_as_transitions_with_the_content_that_caused_them()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        await Consent(visitor, accept: true);
        var item = site.Content.InLanguage("en").First(i => i.Stage == "decision" && i.Kind == "pricing");

        await visitor.GetAsync(new Uri(item.Url, UriKind.Relative));
        var visitorId = await FirstVisitor(site);
        var transitions = await site.Services.GetRequiredService<IJourneyStore>().TransitionsOfAsync(visitorId, default);

        var first = Assert.Single(transitions);
        Assert.Equal((null, "decision", item.Id), (first.FromStage, first.ToStage, first.ContentId));
    }

    [Fact]
    public async Task The_engagement_beacon_is_recorded_only_for_content_pages_and_allowed_types()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        await Consent(visitor, accept: true);

        using var engaged = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "engaged", path = FirstTagged(site) });
        using var forged = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "form_submit", path = FirstTagged(site) });
        using var unknown = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "engaged", path = "/en/nowhere" });

        Assert.Equal(HttpStatusCode.Accepted, engaged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(1, await site.StoredEventsAsync());
    }

    [Fact]
    public async Task A_declared_stage_overrides_what_the_visitor_read()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        await Consent(visitor, accept: true);
        await visitor.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));

        using var declared = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" });
        using var unknown = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "nirvana" });

        Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("decision", (await Me(visitor)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Admins_see_the_pipeline_counters_and_editors_do_not()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        await Consent(visitor, accept: true);
        await visitor.GetAsync(new Uri(FirstTagged(site), UriKind.Relative));
        await site.StoredEventsAsync();
        await BackOfficeClient.CreateAccountAsync(site, "admin@example.com", JourneyContent.Editing.JourneyRoles.Admin);
        var editorPassword = await BackOfficeClient.CreateAccountAsync(site, "editor@example.com", JourneyContent.Editing.JourneyRoles.Editor);
        using var admin = BackOfficeClient.Create(site);
        await admin.SignInAsync("admin@example.com", "correct-horse-battery-staple");
        using var editor = BackOfficeClient.Create(site);
        await editor.SignInAsync("editor@example.com", editorPassword);

        var status = await admin.Http.GetFromJsonAsync<JsonElement>(new Uri("/journey/admin/api/tracking", UriKind.Relative));
        using var refused = await editor.Http.GetAsync(new Uri("/journey/admin/api/tracking", UriKind.Relative));

        // The view and the impression of the page's call to action.
        Assert.Equal(2, status.GetProperty("written").GetInt64());
        Assert.Equal(2, status.GetProperty("stored").GetInt64());
        Assert.Equal(0, status.GetProperty("dropped").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Visitors_beyond_the_memory_limit_are_dropped_and_rebuilt_from_the_store()
    {
        using var site = Site().With("JourneyContent:Tracking:MaxVisitorsInMemory", "10");
        var tracker = site.Services.GetRequiredService<JourneyTracker>();
        var first = TrackingRequest.NewVisitorId();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var slug in new[] { "en/marketing-automation-platforms-compared-2026", "en/webinar-lead-scoring-without-guesswork", "en/atelier-berthe-doubled-qualified-leads" })
        {
            await tracker.RecordAsync(first, start, JourneyEventType.View, slug);
        }

        for (var i = 0; i < 40; i++)
        {
            await tracker.RecordAsync(TrackingRequest.NewVisitorId(), start.AddMinutes(i + 1), JourneyEventType.View, "en/pricing");
        }

        await site.StoredEventsAsync();
        Assert.InRange(tracker.InMemoryVisitors, 1, 10);
        Assert.False(tracker.IsInMemory(first), "the least recently active visitor should have been dropped");

        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.UserAgent = DemoSite.BrowserUserAgent;
        context.Request.Headers.Cookie = $"{TrackingRequest.ConsentCookie}=granted; {TrackingRequest.VisitorCookie}={first}";
        var estimate = await tracker.EstimateAsync(context);

        Assert.Equal("consideration", estimate?.Stage?.Key);
        Assert.True(tracker.IsInMemory(first));
    }

    [Fact]
    public async Task A_graceful_shutdown_flushes_every_queued_event()
    {
        var site = Site();
        var tracker = site.Services.GetRequiredService<JourneyTracker>();
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5000; i++)
        {
            await tracker.RecordAsync("visitor-" + (i % 50), at.AddSeconds(i), JourneyEventType.View, "en/pricing");
        }

        await site.DisposeAsync();

        Assert.Equal(5000, CountRows("journey_events"));
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_events_without_blocking()
    {
        var site = Site().With("JourneyContent:Tracking:QueueCapacity", "1");
        var tracker = site.Services.GetRequiredService<JourneyTracker>();
        var metrics = site.Services.GetRequiredService<TrackingMetrics>();
        for (var i = 0; i < 2000; i++)
        {
            await tracker.RecordAsync("visitor", DateTimeOffset.UtcNow, JourneyEventType.View, "en/pricing");
        }

        await site.DisposeAsync();

        Assert.True(metrics.Dropped > 0, "nothing was dropped with a queue of one");
        Assert.Equal(2000, metrics.Queued + metrics.Dropped);
        Assert.Equal(metrics.Queued, CountRows("journey_events"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private DemoSite Site() => new DemoSite().With("JourneyContent:DataPath", _dataPath);

    private static HttpClient Visitor(DemoSite site)
    {
        return site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
    }

    private static async Task Consent(HttpClient visitor, bool accept)
    {
        using var response = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<JsonElement> Me(HttpClient visitor) =>
        await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

    private static string FirstTagged(DemoSite site) => site.Content.InLanguage("en").First(i => !i.IsUntagged).Url;

    /// <summary>Waits for the background writer to empty the queue, then counts what is stored.</summary>
    private static async Task<string> FirstVisitor(DemoSite site)
    {
        await site.StoredEventsAsync();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(site.DataPath, "journeycontent.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT visitor_id FROM journey_events LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private long CountRows(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "journeycontent.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
