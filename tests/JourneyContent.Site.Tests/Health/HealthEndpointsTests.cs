using System.Net;
using System.Text.Json;
using JourneyContent.Delivery;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Health;

/// <summary><c>/healthz</c> and <c>/readyz</c> as a load balancer reads them: status codes, JSON, and nothing secret.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Liveness_answers_200_without_running_any_check()
    {
        using var site = new DemoSite();
        using var client = site.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readiness_answers_200_with_the_store_the_event_writer_and_the_outbox_and_names_no_path()
    {
        using var site = new DemoSite();
        using var client = site.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["store", "event-backlog", "outbox-backlog"], json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.DoesNotContain(site.DataPath, body, StringComparison.Ordinal);
        Assert.DoesNotContain(".db", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_answers_503_when_the_outbox_holds_more_than_its_threshold()
    {
        using var site = new DemoSite().With("JourneyContent:Health:MaxOutboxBacklog", "2");
        var outbox = site.Services.GetRequiredService<IOutbox>();
        for (var i = 0; i < 3; i++)
        {
            // A channel no worker serves, so the messages stay pending whatever the workers do meanwhile.
            await outbox.EnqueueAsync(new OutboxMessage("test-nowhere", $"health-{i}", "test", "{}"), default);
        }

        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var outboxCheck = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "outbox-backlog");
        Assert.Equal("Messages waiting to be sent: 3, above 2.", outboxCheck.GetProperty("description").GetString());
    }

    [Fact]
    public void A_threshold_below_one_stops_the_site_at_start_with_the_setting_named()
    {
        using var site = new DemoSite().With("JourneyContent:Health:MaxEventBacklog", "0");

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("JourneyContent:Health:MaxEventBacklog", error.ToString(), StringComparison.Ordinal);
    }
}
