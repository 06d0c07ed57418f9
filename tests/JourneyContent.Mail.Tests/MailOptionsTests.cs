using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyContent.Mail.Tests;

public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("JourneyContent:Mail:Smtp:Security", "Tls13Please")]
    [InlineData("JourneyContent:Mail:FromAddress", "not an address")]
    [InlineData("JourneyContent:Mail:PollInterval", "00:00:00")]
    public async Task An_invalid_setting_fails_start_with_a_message_naming_the_key(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["JourneyContent:Mail:Smtp:Host"] = "127.0.0.1" };
        await using var harness = await MailHarness.CreateAsync(smtp: null, settings: settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(harness.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_pickup_folder_or_an_smtp_host_start_fails_naming_the_pickup_key()
    {
        var settings = new Dictionary<string, string?> { ["JourneyContent:Mail:PickupPath"] = "" };
        await using var harness = await MailHarness.CreateAsync(smtp: null, settings: settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(harness.StartAsync);

        Assert.Contains("JourneyContent:Mail:PickupPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_bound_when_only_the_pickup_folder_is_set()
    {
        var options = new ServiceCollection()
            .AddJourneyContentMail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["JourneyContent:Mail:PickupPath"] = "mail" }).Build())
            .BuildServiceProvider()
            .GetRequiredService<IOptions<MailOptions>>().Value;

        Assert.Equal("no-reply@localhost", options.FromAddress);
        Assert.Equal("JourneyContent", options.FromName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        Assert.Equal(20, options.BatchSize);
        Assert.Null(options.Smtp.Host);
        Assert.Equal(587, options.Smtp.Port);
        Assert.Equal("Auto", options.Smtp.Security);
    }

    [Fact]
    public async Task Registering_twice_gives_one_sender_which_is_also_the_hosted_service_and_smtp_when_a_host_is_set()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Mail:Smtp:Host"] = "smtp.example.com",
            ["JourneyContent:Mail:Smtp:Password"] = "secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IMailOutbox>(new NoOutbox());
        services.AddJourneyContentMail(configuration).AddJourneyContentMail(configuration);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<OutboxSender>(), hosted);
        Assert.IsType<SmtpMailTransport>(provider.GetRequiredService<IMailTransport>());
        Assert.Single(services, d => d.ServiceType == typeof(IMailTransport));
    }

    private sealed class NoOutbox : IMailOutbox
    {
        public Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken) => Task.FromResult(0L);

        public Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

        public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

        public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<OutboxSummary> SummaryAsync(CancellationToken cancellationToken) => Task.FromResult(new OutboxSummary(0, 0, 0, null));

        public Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

        public Task<int> EraseRecipientAsync(string leadId, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
