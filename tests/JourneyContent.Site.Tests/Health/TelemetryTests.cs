using System.Collections.Concurrent;
using System.Text;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace JourneyContent.Site.Tests.Health;

/// <summary>OpenTelemetry: nothing is sent by default, and with an endpoint the site's traces and metrics reach an OTLP/HTTP collector.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_no_telemetry_is_collected()
    {
        await using var site = new DemoSite();
        using var client = site.CreateClient();
        using var home = await client.GetAsync(new Uri("/en", UriKind.Relative));

        Assert.Null(site.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_the_traces_and_metrics_of_the_site_reach_the_collector_named_for_the_site()
    {
        await using var collector = await Collector.StartAsync();
        var site = new DemoSite()
            .With("JourneyContent:Telemetry:OtlpEndpoint", collector.Address)
            .With("JourneyContent:Telemetry:ServiceName", "journeys-test");
        using (var client = site.CreateClient())
        {
            using var home = await client.GetAsync(new Uri("/en", UriKind.Relative));
            Assert.True(home.IsSuccessStatusCode);
        }

        // Shutting the site down flushes what its exporters hold: no waiting on their timers.
        await site.DisposeAsync();

        var traces = collector.Received("/v1/traces");
        var metrics = collector.Received("/v1/metrics");
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(traces.Concat(metrics), post => Assert.Equal("application/x-protobuf", post.ContentType));
        Assert.Contains(traces, post => Encoding.UTF8.GetString(post.Body).Contains("journeys-test", StringComparison.Ordinal));
        Assert.Contains(traces, post => Encoding.UTF8.GetString(post.Body).Contains("/en", StringComparison.Ordinal));
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_address_stops_the_site_naming_the_setting()
    {
        using var site = new DemoSite().With("JourneyContent:Telemetry:OtlpEndpoint", "collector:4318");

        var error = Assert.Throws<InvalidOperationException>(() => site.Services);

        Assert.Contains("JourneyContent:Telemetry:OtlpEndpoint is not an http(s) address", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An OTLP/HTTP collector on a loopback port that keeps what it is sent.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _posts = new();

        private Collector(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public string Address { get; }

        public static async Task<Collector> StartAsync()
        {
            var address = $"http://127.0.0.1:{LoopbackPorts.Free()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address);
            var app = builder.Build();
            var collector = new Collector(app, address);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._posts.Enqueue((context.Request.Path, context.Request.ContentType, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public IReadOnlyList<(string? ContentType, byte[] Body)> Received(string path) =>
            [.. _posts.Where(p => p.Path == path).Select(p => (p.ContentType, p.Body))];

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
