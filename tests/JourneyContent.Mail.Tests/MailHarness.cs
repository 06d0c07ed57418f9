using JourneyContent.Delivery;
using JourneyContent.Testing;
using JourneyContent.Web.Delivery;
using JourneyContent.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Mail.Tests;

/// <summary>A host with a real SQLite outbox in a temp folder and the mail services, configured like a site.</summary>
internal sealed class MailHarness : IAsyncDisposable
{
    private MailHarness(string folder, IHost host)
    {
        Folder = folder;
        Host = host;
    }

    public string Folder { get; }

    public IHost Host { get; }

    public MailChannel Outbox => new(Host.Services.GetRequiredService<IOutbox>());

    public OutboxWorker Worker => Host.Services.GetRequiredService<OutboxWorker>();

    public IMailTransport Transport => Host.Services.GetRequiredService<IMailTransport>();

    public string PickupPath => Path.Combine(Folder, "mail");

    /// <summary>Builds the host; <paramref name="clock"/> null means real time. Migrates the database; starts the host only when asked.</summary>
    public static async Task<MailHarness> CreateAsync(SmtpServer? smtp, FakeTimeProvider? clock = null, bool start = false, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jc-mail-" + Guid.NewGuid().ToString("N")[..10]);
        var values = new Dictionary<string, string?>
        {
            ["JourneyContent:Mail:FromAddress"] = "hello@journeycontent.test",
            ["JourneyContent:Mail:FromName"] = "JourneyContent tests",
            ["JourneyContent:Mail:PickupPath"] = Path.Combine(folder, "mail"),
            ["JourneyContent:Outbox:PollInterval"] = "00:00:05",
        };
        if (smtp is not null)
        {
            values["JourneyContent:Mail:Smtp:Host"] = smtp.Host;
            values["JourneyContent:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values["JourneyContent:Mail:Smtp:Security"] = "None";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        builder.Services.AddJourneyContentSqlite(o => o.DatabasePath = Path.Combine(folder, "data", "journeycontent.db"));
        builder.Services.AddJourneyContentMail(builder.Configuration);
        builder.Services.AddJourneyContentOutbox(builder.Configuration);
        var host = builder.Build();
        var harness = new MailHarness(folder, host);
        if (start)
        {
            await harness.StartAsync();
        }
        else
        {
            await host.Services.GetRequiredService<SqliteMigrator>().MigrateAsync();
        }

        return harness;
    }

    private bool _started;

    public async Task StartAsync()
    {
        // A host that failed to start cannot be stopped: it has no hosted services yet.
        await Host.StartAsync();
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            try
            {
                await Host.StopAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }
        }

        Host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The outbox's mail channel, in the shapes the mail tests read: mail in, mail entries and the mail summary out.</summary>
internal sealed class MailChannel(IOutbox outbox)
{
    public Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken) => outbox.EnqueueAsync(MailOutboxMessages.Create(mail), cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken) => outbox.RecentAsync(OutboxChannels.Mail, limit, cancellationToken);

    public async Task<OutboxSummary> SummaryAsync(CancellationToken cancellationToken) => OutboxSummary.Of(await outbox.SummaryAsync(cancellationToken), OutboxChannels.Mail);
}
