using JourneyContent.Delivery;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using JourneyContent.Web.Delivery;
using JourneyContent.Web.Webhooks;
using JourneyContent.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using JourneyContent.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Web.Tests.Webhooks;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    // A Standard Webhooks secret: whsec_ + base64 of a 32-byte key.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5Kpm7tC0cNs=";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-webhooks-" + Guid.NewGuid().ToString("N")[..8]);
    private WebhookReceiver _receiver = null!;
    private SqliteOutbox _outbox = null!;
    private ServiceProvider _services = null!;

    private WebhookPublisher Publisher => _services.GetRequiredService<WebhookPublisher>();

    private OutboxWorker Worker => _services.GetRequiredService<OutboxWorker>();

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        // A real SQLite file, migrated as the site migrates it.
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "journeycontent.db") }));
        await new SqliteMigrator(connections, _clock, NullLogger<SqliteMigrator>.Instance).MigrateAsync();
        _outbox = new SqliteOutbox(connections, _clock);
        Configure(_receiver.Url);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _receiver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private List<OutboxEntry> All => [.. _outbox.RecentAsync(null, 1000, default).GetAwaiter().GetResult().OrderBy(m => m.Id)];

    /// <summary>The services as the site registers them, with the test's outbox and clock.</summary>
    private void Configure(string? leadCapturedUrl, string timeout = "00:00:05", string pollInterval = "01:00:00")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Webhooks:LeadCapturedUrl"] = leadCapturedUrl,
            ["JourneyContent:Webhooks:Secret"] = Secret,
            ["JourneyContent:Webhooks:Timeout"] = timeout,
            ["JourneyContent:Outbox:PollInterval"] = pollInterval,
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<IOutbox>(_outbox)
            .AddJourneyContentWebhooks(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private Task<bool> PublishLeadAsync(string leadId = "lead-1") =>
        Publisher.PublishAsync(WebhookEvents.LeadCaptured, new { LeadId = leadId, Email = "ada@example.com", StageName = "consideration" }, leadId, default);

    private OutboxEntry Single() => Assert.Single(All);

    [Fact]
    public async Task A_published_lead_captured_is_posted_as_json_signed_by_the_standard_webhooks_scheme()
    {
        Assert.True(await PublishLeadAsync());

        Assert.Equal(1, await Worker.DeliverDueAsync(default));

        var received = Assert.Single(_receiver.Received);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.Equal(WebhookEvents.LeadCaptured, received.Event);
        Assert.Equal(Single().Message.IdempotencyId, received.Delivery);
        Assert.Matches("^msg_[0-9a-f]{32}$", received.Delivery);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.Timestamp);
        Assert.Equal(WebhookPayload.Read(Single().Message).Body, received.Body);
        using (var json = JsonDocument.Parse(received.Body))
        {
            var root = json.RootElement;
            Assert.Equal(WebhookEvents.LeadCaptured, root.GetProperty("event").GetString());
            Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
            Assert.Equal("2026-03-02T09:00:00.0000000Z", root.GetProperty("occurredAt").GetString());
            Assert.Equal("ada@example.com", root.GetProperty("data").GetProperty("email").GetString());
            Assert.Equal("lead-1", root.GetProperty("data").GetProperty("leadId").GetString());
        }

        Assert.NotNull(received.Signature);
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.StartsWith("v1,", received.Signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(Secret, received.Delivery!, received.Timestamp!, received.Body, received.Signature, _clock.GetUtcNow(), tolerance));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), received.Delivery!, received.Timestamp!, received.Body, received.Signature, _clock.GetUtcNow(), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, received.Delivery!, received.Timestamp!, received.Body.Replace("ada@", "eve@", StringComparison.Ordinal), received.Signature, _clock.GetUtcNow(), tolerance));
        var sent = Single();
        Assert.Equal((OutboxStatus.Sent, 1, (DateTimeOffset?)_clock.GetUtcNow()), (sent.Status, sent.Attempts, sent.SentAt));
    }

    [Fact]
    public async Task A_delivery_is_verified_by_the_standard_webhooks_library_we_did_not_write()
    {
        // The library checks its 5-minute tolerance against the machine's clock: the fake clock is moved to it, never waited on.
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        await PublishLeadAsync();

        await Worker.DeliverDueAsync(default);

        var received = Assert.Single(_receiver.Received);
        var library = new StandardWebhooks.StandardWebhook(Secret);
        // Throws WebhookVerificationException when the id, timestamp or signature does not match.
        library.Verify(received.Body, received.Headers);
        Assert.Equal(library.Sign(received.Delivery!, _clock.GetUtcNow(), received.Body), received.Signature);
        var tampered = Assert.ThrowsAny<Exception>(() => library.Verify(received.Body + " ", received.Headers));
        Assert.Equal("WebhookVerificationException", tampered.GetType().Name);
    }

    [Fact]
    public async Task A_delivery_is_verified_by_the_npm_standardwebhooks_package_run_by_node_and_a_tampered_body_is_refused()
    {
        // The npm library checks webhook-timestamp within 5 minutes of Date.now(), the machine's real clock, which this test
        // cannot replace: the fake clock is set to the real now once (never waited on), so the worker signs a current time.
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        await PublishLeadAsync();

        Assert.Equal(1, await Worker.DeliverDueAsync(default));

        var received = Assert.Single(_receiver.Received);
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = received.Delivery!,
            ["webhook-timestamp"] = received.Timestamp!,
            ["webhook-signature"] = received.Signature!,
        };
        var verified = await NodeStandardWebhooks.VerifyAsync(Secret, headers, received.Body);
        Assert.True(verified.ExitCode == 0, $"node refused a real delivery (exit {verified.ExitCode}): {verified.Stderr}");
        Assert.True(
            System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(received.Body), System.Text.Json.Nodes.JsonNode.Parse(verified.Stdout)),
            $"The payload node verified differs from the body posted: {verified.Stdout}");

        var tampered = await NodeStandardWebhooks.VerifyAsync(Secret, headers, received.Body.Replace("ada@", "eve@", StringComparison.Ordinal));
        Assert.True(tampered.ExitCode == 1, $"A tampered body was not refused (exit {tampered.ExitCode}): {tampered.Stdout}{tampered.Stderr}");
        Assert.Contains("Refused", tampered.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_queues_the_message_wakes_the_worker_and_sends_nothing_until_a_worker_pass()
    {
        await PublishLeadAsync();

        // Deterministic: nothing has claimed the message (a claim at the same instant still gets it, unleased and never
        // attempted), so no inline or fire-and-forget send can be under way; the worker is not running here.
        Assert.Empty(_receiver.Received);
        var queued = Single();
        Assert.Equal((OutboxStatus.Pending, 0), (queued.Status, queued.Attempts));
        var claimed = Assert.Single(await _outbox.ClaimDueAsync([OutboxChannels.Webhook], _clock.GetUtcNow(), 10, TimeSpan.FromSeconds(1), default));
        Assert.Equal(queued.Id, claimed.Id);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await Worker.DeliverDueAsync(default));
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task Publishing_an_event_without_a_url_returns_false_and_stores_nothing()
    {
        await _services.DisposeAsync();
        Configure(leadCapturedUrl: null);

        Assert.False(await PublishLeadAsync());
        Assert.False(await Publisher.PublishAsync(WebhookEvents.StageChanged, new { To = "decision" }, "lead-1", default));

        Assert.Empty(All);
    }

    [Fact]
    public async Task Publishing_an_unknown_event_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Publisher.PublishAsync("lead.deleted", new { }, null, default));
        Assert.Empty(All);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_when_the_policy_says_and_then_delivered_once()
    {
        _receiver.AnswerNext(500, 200);
        await PublishLeadAsync();

        await Worker.DeliverDueAsync(default);

        var failed = Single();
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("HTTP 500 Internal Server Error", failed.LastError);
        Assert.Equal(OutboxRetryPolicy.WebhookDefaults().NextAttempt(1, _clock.GetUtcNow()), failed.NextAttemptAt);

        Assert.Equal(0, await Worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await Worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Worker.DeliverDueAsync(default));
        _clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, await Worker.DeliverDueAsync(default));

        Assert.Equal(2, _receiver.Received.Count);
        Assert.Equal(_receiver.Received.First().Delivery, _receiver.Received.Last().Delivery);
        var sent = Single();
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task A_receiver_that_is_down_leaves_the_message_pending_with_the_connection_error()
    {
        await _services.DisposeAsync();
        Configure(ClosedPortUrl());
        await PublishLeadAsync();

        await Worker.DeliverDueAsync(default);

        var message = Single();
        Assert.Equal((OutboxStatus.Pending, 1), (message.Status, message.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(message.LastError));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), message.NextAttemptAt);
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_counts_as_a_failed_attempt()
    {
        await _services.DisposeAsync();
        Configure(_receiver.Url, timeout: "00:00:00.300");
        _receiver.Delay = TimeSpan.FromSeconds(5);
        await PublishLeadAsync();

        await Worker.DeliverDueAsync(default);

        var message = Single();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.StartsWith("Timed out", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_410_Gone_gives_up_at_once()
    {
        _receiver.AnswerNext(410);
        await PublishLeadAsync();

        await Worker.DeliverDueAsync(default);
        _clock.Advance(TimeSpan.FromDays(1));
        await Worker.DeliverDueAsync(default);

        var message = Single();
        Assert.Equal((OutboxStatus.Failed, 1, "HTTP 410 Gone"), (message.Status, message.Attempts, message.LastError));
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_maximum_attempts()
    {
        await PublishLeadAsync();
        for (var i = 0; i < OutboxRetryPolicy.WebhookDefaults().MaxAttempts + 2; i++)
        {
            _receiver.AnswerNext(503);
            await Worker.DeliverDueAsync(default);
            _clock.Advance(TimeSpan.FromHours(7));
        }

        var message = Single();
        Assert.Equal((OutboxStatus.Failed, OutboxRetryPolicy.WebhookDefaults().MaxAttempts), (message.Status, message.Attempts));
        Assert.Equal(OutboxRetryPolicy.WebhookDefaults().MaxAttempts, _receiver.Received.Count);
        Assert.Equal(new OutboxSummary(OutboxChannels.Webhook, 0, 0, 1, null), Assert.Single(await _outbox.SummaryAsync(default)));
    }

    [Fact]
    public async Task The_running_worker_delivers_as_soon_as_a_publication_wakes_it()
    {
        // The poll is an hour away on a clock that never moves: only the wake-up can explain the second delivery.
        var host = _services.GetServices<IHostedService>().Single();
        Assert.Same(Worker, host);
        await PublishLeadAsync("lead-1");
        await host.StartAsync(default);
        try
        {
            // The first pass at start delivers the first message; the second is published after it has arrived.
            await _receiver.NextAsync();
            await PublishLeadAsync("lead-2");

            await _receiver.NextAsync();

            Assert.Equal(2, _receiver.Received.Count);
        }
        finally
        {
            await host.StopAsync(default);
        }
    }

    [Fact]
    public void Registering_twice_adds_one_webhook_delivery_and_one_worker_which_is_the_only_hosted_service()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IOutbox>(_outbox);

        services.AddJourneyContentWebhooks(configuration).AddJourneyContentWebhooks(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<OutboxWorker>(), Assert.Single(provider.GetServices<IHostedService>()));
        Assert.IsType<WebhookDelivery>(Assert.Single(provider.GetServices<IOutboxDelivery>()));
        Assert.Single(services, d => d.ServiceType == typeof(WebhookPublisher));
    }

    [Fact]
    public void Invalid_settings_fail_with_messages_naming_the_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Webhooks:LeadCapturedUrl"] = "ftp://crm.example.com/hook",
            ["JourneyContent:Webhooks:StageChangedUrl"] = "https://crm.example.com/hook",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddSingleton<IOutbox>(_outbox)
            .AddJourneyContentWebhooks(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("JourneyContent:Webhooks:LeadCapturedUrl ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("JourneyContent:Webhooks:Secret ", StringComparison.Ordinal));
        Assert.Equal(2, error.Failures.Count());
    }

    private static string ClosedPortUrl()
    {
        // A port that was free a moment ago and has nobody listening: the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }
}
