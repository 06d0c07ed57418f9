using JourneyContent.Editing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Registering_twice_gives_one_migration_at_start_and_working_stores()
    {
        var services = new ServiceCollection()
            .AddJourneyContentSqlite(o => o.DatabasePath = "ignored.db")
            .AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));
        await hosted.StartingAsync(default);

        Assert.Equal(_database.DatabasePath, provider.GetRequiredService<SqliteConnectionFactory>().DatabasePath);
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => s.Version), await provider.GetRequiredService<SqliteMigrator>().AppliedVersionsAsync());
        Assert.IsType<SqliteEditorAccountStore>(provider.GetRequiredService<IEditorAccountStore>());
        Assert.IsType<SqliteStageAuditLog>(provider.GetRequiredService<IStageAuditLog>());
        Assert.True(await provider.GetRequiredService<IEditorAccountStore>().CreateAsync(new EditorAccount { Email = "ada@example.com" }, default));
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IEditorAccountStore)));
    }

    [Fact]
    public async Task The_configuration_section_sets_the_busy_and_command_timeouts_of_every_connection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Storage:Sqlite:BusyTimeout"] = "00:00:00.250",
            ["JourneyContent:Storage:Sqlite:CommandTimeout"] = "00:00:07",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);
        await using var provider = services.BuildServiceProvider();

        await using var connection = await provider.GetRequiredService<SqliteConnectionFactory>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(250L, (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(7, command.CommandTimeout);
    }

    [Theory]
    [InlineData("BusyTimeout", "-00:00:01")]
    [InlineData("CommandTimeout", "00:00:00")]
    [InlineData("CommandTimeout", "01:00:00")]
    public void A_timeout_out_of_range_is_refused_with_its_configuration_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyContent:Storage:Sqlite:" + key] = value,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SqliteConnectionFactory>());

        Assert.Contains("JourneyContent:Storage:Sqlite:" + key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_provider_of_the_application_is_kept()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_database.Clock);

        services.AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);

        using var provider = services.BuildServiceProvider();
        Assert.Same(_database.Clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task A_hosted_service_registered_before_the_storage_finds_the_tables_in_its_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<CountsAccountsAtStart>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountsAccountsAtStart>());
        builder.Services.AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(0L, host.Services.GetRequiredService<CountsAccountsAtStart>().Accounts);
        await host.StopAsync();
    }

    /// <summary>A site's own hosted service that reads the database as soon as it starts.</summary>
    private sealed class CountsAccountsAtStart(SqliteConnectionFactory connections) : IHostedService
    {
        public long? Accounts { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM editor_accounts";
            Accounts = (long?)await command.ExecuteScalarAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
