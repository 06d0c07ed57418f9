using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Stages;
using JourneyContent.Testing;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>A visitor's stored journey outlives the configuration: the site restarts with another funnel, or its database stops taking writes.</summary>
public sealed class StoredJourneyTests : IDisposable
{
    private static readonly string[] FourStages = ["awareness", "consideration", "decision", "loyalty"];

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "jc-stored-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_visitor_whose_stored_declared_stage_was_removed_from_the_funnel_still_gets_every_page_and_the_skip_is_counted()
    {
        string visitorId;
        await using (var before = new DemoSite().With("JourneyContent:DataPath", _dataPath))
        {
            using var visitor = before.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
            using var consent = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });
            using var declared = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "advocacy" });
            Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);
            Assert.Equal(1, await before.StoredEventsAsync());
            visitorId = StoredVisitor();
        }

        SqliteConnection.ClearAllPools();
        await using var after = FourStageSite(new DemoSite().With("JourneyContent:DataPath", _dataPath));
        using var returning = after.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        returning.DefaultRequestHeaders.Add("Cookie", $"{TrackingRequest.ConsentCookie}=granted; {TrackingRequest.VisitorCookie}={visitorId}");
        var page = after.Content.InLanguage("en").First(i => i.Stage == "decision").Url;

        using var content = await returning.GetAsync(new Uri(page, UriKind.Relative));
        using var me = await returning.GetAsync(new Uri("/api/journey/me", UriKind.Relative));
        using var next = await returning.GetAsync(new Uri("/api/journey/next?path=" + Uri.EscapeDataString(page), UriKind.Relative));
        using var engaged = await returning.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "engaged", path = page });

        Assert.Equal(FourStages, after.Services.GetRequiredService<StageModel>().Stages.Select(s => s.Key));
        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted),
            (content.StatusCode, me.StatusCode, next.StatusCode, engaged.StatusCode));
        Assert.Equal(1, after.Services.GetRequiredService<JourneyTracker>().Journeys.Replayed.UnknownStages);
    }

    [Fact]
    public async Task A_four_stage_funnel_in_environment_variables_replaces_the_five_stages_of_appsettings()
    {
        var prefix = "JCTEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        for (var i = 0; i < FourStages.Length; i++)
        {
            Environment.SetEnvironmentVariable($"{prefix}JourneyContent__Stages__{i}__Key", FourStages[i]);
        }

        try
        {
            await using var site = new EnvironmentSite(prefix).With("JourneyContent:DataPath", _dataPath);
            using var visitor = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
            using var consent = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });
            using var page = await visitor.GetAsync(new Uri(site.Content.InLanguage("en").First(i => i.Stage == "decision").Url, UriKind.Relative));

            var me = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

            Assert.Equal(FourStages, site.Services.GetRequiredService<StageModel>().Stages.Select(s => s.Key));
            Assert.Equal(FourStages, me.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            for (var i = 0; i < FourStages.Length; i++)
            {
                Environment.SetEnvironmentVariable($"{prefix}JourneyContent__Stages__{i}__Key", null);
            }
        }
    }

    [Fact]
    public async Task Events_a_database_locked_beyond_the_retry_budget_cannot_keep_are_answered_503_with_retry_after()
    {
        await using var site = new DemoSite()
            .With("JourneyContent:DataPath", _dataPath)
            .With("JourneyContent:Tracking:WriteAttempts", "1")
            .With("JourneyContent:Tracking:StoreRetryAfter", "01:00:00")
            // The shortest waits SQLite allows, so that the locked write gives up at once instead of after 35 s.
            .With("JourneyContent:Storage:Sqlite:BusyTimeout", "00:00:00")
            .With("JourneyContent:Storage:Sqlite:CommandTimeout", "00:00:01");
        using var visitor = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var consent = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });
        var page = site.Content.InLanguage("en").First(i => !i.IsUntagged).Url;
        using var first = await Engaged(visitor, page);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, await site.StoredEventsAsync());
        var metrics = site.Services.GetRequiredService<TrackingMetrics>();

        // Another process's writer holds the database: the site's writer waits out SQLite's busy timeout, then gives up.
        using (var other = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "journeycontent.db")};Pooling=False"))
        {
            other.Open();
            using var transaction = other.BeginTransaction(deferred: false);
            using var lost = await Engaged(visitor, page);
            await DemoSite.SettledAsync(metrics);
            using var refused = await Engaged(visitor, page);

            Assert.Equal(HttpStatusCode.Accepted, lost.StatusCode);
            Assert.Equal(1, metrics.Dropped);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
            Assert.Equal(2, metrics.Queued);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> Engaged(HttpClient visitor, string page) =>
        visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "engaged", path = page });

    private static DemoSite FourStageSite(DemoSite site)
    {
        for (var i = 0; i < FourStages.Length; i++)
        {
            site.With($"JourneyContent:Stages:{i}:Key", FourStages[i]);
        }

        return site;
    }

    private string StoredVisitor()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "journeycontent.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT visitor_id FROM journey_events LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The demo site with one more configuration source: the environment variables under a prefix of this test's own.</summary>
    private sealed class EnvironmentSite(string prefix) : DemoSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(configuration => configuration.AddEnvironmentVariables(prefix));
        }
    }
}
