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
    [InlineData("JourneyContent:Mail:Retry:MaxAttempts", "0")]
    [InlineData("JourneyContent:Outbox:PollInterval", "00:00:00")]
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
        Assert.Equal(string.Empty, options.FromName);
        Assert.Equal(12, options.Retry.MaxAttempts);
        Assert.Null(options.Smtp.Host);
        Assert.Equal(587, options.Smtp.Port);
        Assert.Equal("Auto", options.Smtp.Security);
    }

    [Fact]
    public async Task Registering_twice_gives_one_mail_delivery_for_the_one_worker_and_smtp_when_a_host_is_set()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Mail:Smtp:Host"] = "smtp.example.com",
            ["JourneyContent:Mail:Smtp:Password"] = "secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<JourneyContent.Delivery.IOutbox>(new JourneyContent.Sqlite.SqliteOutbox(null!, TimeProvider.System));
        services.AddJourneyContentMail(configuration).AddJourneyContentMail(configuration);
        services.AddJourneyContentOutbox(configuration).AddJourneyContentOutbox(configuration);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        var worker = provider.GetRequiredService<JourneyContent.Web.Delivery.OutboxWorker>();
        Assert.Same(worker, hosted);
        Assert.Same(worker, Assert.Single(provider.GetServices<JourneyContent.Delivery.IOutboxSignal>()));
        Assert.Equal([JourneyContent.Delivery.OutboxChannels.Mail], worker.Channels);
        Assert.IsType<MailOutboxDelivery>(Assert.Single(provider.GetServices<JourneyContent.Delivery.IOutboxDelivery>()));
        Assert.IsType<SmtpMailTransport>(provider.GetRequiredService<IMailTransport>());
        Assert.Single(services, d => d.ServiceType == typeof(IMailTransport));
    }
}
