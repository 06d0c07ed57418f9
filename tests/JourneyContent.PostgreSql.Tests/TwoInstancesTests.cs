using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Leads;
using JourneyContent.StageLocks;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>
/// Two instances of the site on one PostgreSQL database behind a load balancer without sticky sessions: a visitor's
/// requests alternate between them, and after every event both answer the same stage.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private TempPostgreSqlDatabase _database = null!;
    private DemoSite _a = null!;
    private DemoSite _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TempPostgreSqlDatabase.CreateAsync();
        _a = Instance();
        _b = Instance();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_whose_requests_alternate_between_instances_gets_the_same_stage_from_both_after_every_event()
    {
        var cookies = new CookieContainer();
        using var onA = _a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using var onB = _b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using (var consent = await onA.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, consent.StatusCode);
        }

        var pages = _a.Content.InLanguage("en").Where(i => i.Stage == "consideration").Take(4).ToList();
        Assert.Equal(4, pages.Count);
        var clients = new[] { onA, onB };
        var stages = new List<(string? A, string? B)>();
        for (var i = 0; i < pages.Count; i++)
        {
            using var page = await clients[i % 2].GetAsync(new Uri(pages[i].Url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            stages.Add((await StageAsync(onA), await StageAsync(onB)));
        }

        // A declaration on one instance is the stage on the other at once.
        using (var declared = await onB.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);
        }

        stages.Add((await StageAsync(onA), await StageAsync(onB)));

        Assert.All(stages, s => Assert.Equal(s.A, s.B));
        Assert.Equal("consideration", stages[^2].A);
        Assert.Equal("decision", stages[^1].A);
        // Every view and the declaration were stored once, whichever instance took them (impressions of offers come on top).
        Assert.Equal(4L, await _database.ScalarAsync<long>("SELECT count(*) FROM journey_events WHERE type = 'view'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM journey_events WHERE type = 'declared_stage'"));
    }

    [Fact]
    public async Task A_stage_lock_set_on_one_instance_holds_the_visitor_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = _a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using (var consent = await onA.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, consent.StatusCode);
        }

        using (var declared = await onA.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);
        }

        Assert.Equal("decision", await StageAsync(onA));
        var visitorId = cookies.GetCookies(new Uri("http://localhost"))[JourneyContent.Web.Tracking.TrackingRequest.VisitorCookie]!.Value;
        var lead = await _b.Services.GetRequiredService<ILeadStore>().CaptureAsync(
            new LeadCapture { Email = "ada@example.com", Language = "en", ContentId = "en/benchmark", VisitorId = visitorId, At = _clock.GetUtcNow() }, default);

        // The marketer works on instance B; the visitor's next request lands on A.
        var outcome = await _b.Services.GetRequiredService<StageLocking>().LockAsync(
            new StageLockRequest(lead.Lead.Id, "awareness", _clock.GetUtcNow().AddDays(30), "talks to procurement first", "marketer@example.com"), default);
        var me = await onA.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

        Assert.NotNull(outcome.Lock);
        Assert.Equal("awareness", me.GetProperty("stage").GetString());
        Assert.Equal("locked", me.GetProperty("source").GetString());
    }

    // One clock for both instances, as servers synchronised by NTP share the time.
    private DemoSite Instance() => new DemoSite()
        .WithTime(_clock)
        .With("JourneyContent:Storage:Provider", "PostgreSql")
        .With("JourneyContent:Storage:PostgreSql:ConnectionString", _database.ConnectionString);

    private static async Task<string?> StageAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));
        return me.GetProperty("stage").GetString();
    }
}

/// <summary>The database lost while the site runs: pages are still served, what needs the database says 503 and when to retry, and the site recovers by itself.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private TempPostgreSqlDatabase _database = null!;
    private DemoSite _site = null!;

    public async Task InitializeAsync()
    {
        _database = await TempPostgreSqlDatabase.CreateAsync();
        _site = new DemoSite()
            .With("JourneyContent:Storage:Provider", "PostgreSql")
            .With("JourneyContent:Storage:PostgreSql:ConnectionString", _database.ConnectionString + ";Timeout=3");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.AllowConnectionsAsync(true);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task During_an_outage_pages_are_served_events_and_readiness_answer_503_and_afterwards_everything_works_again()
    {
        var cookies = new CookieContainer();
        using var visitor = _site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using (var consent = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, consent.StatusCode);
        }

        var page = _site.Content.InLanguage("en").First(i => i.Stage == "consideration").Url;
        using (var before = await visitor.GetAsync(new Uri(page, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await _database.AllowConnectionsAsync(false);

        using var during = await visitor.GetAsync(new Uri(page, UriKind.Relative));
        using var eventDuring = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" });
        using var ready = await visitor.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await visitor.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, eventDuring.StatusCode);
        Assert.True(eventDuring.Headers.RetryAfter is not null, "A 503 says when to try again.");
        Assert.Contains("nothing was lost", await eventDuring.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await _database.AllowConnectionsAsync(true);

        using var after = await visitor.GetAsync(new Uri(page, UriKind.Relative));
        using var eventAfter = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" });
        var me = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, eventAfter.StatusCode);
        Assert.Equal("decision", me.GetProperty("stage").GetString());
    }
}
