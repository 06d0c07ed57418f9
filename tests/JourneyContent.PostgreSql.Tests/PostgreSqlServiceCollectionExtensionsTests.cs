using System.Collections.Concurrent;
using JourneyContent.Editing;
using JourneyContent.Health;
using JourneyContent.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL stores as a host registers them: configuration, migration at start, health and quiet secrets.</summary>
public sealed class PostgreSqlServiceCollectionExtensionsTests : IAsyncLifetime
{
    private TempPostgreSqlDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempPostgreSqlDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Registering_twice_gives_one_migration_at_start_and_stores_on_the_database_the_code_names()
    {
        var services = new ServiceCollection()
            .AddJourneyContentPostgreSql(o => o.ConnectionString = "Host=ignored")
            .AddJourneyContentPostgreSql(o => o.ConnectionString = _database.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));
        await hosted.StartingAsync(default);

        Assert.Equal(PostgreSqlMigrator.EmbeddedScripts().Select(s => s.Version), await provider.GetRequiredService<PostgreSqlMigrator>().AppliedVersionsAsync());
        Assert.Same(provider.GetRequiredService<PostgreSqlMigrator>(), provider.GetRequiredService<IStoreMigrator>());
        Assert.IsType<PostgreSqlEditorAccountStore>(provider.GetRequiredService<IEditorAccountStore>());
        Assert.IsType<PostgreSqlJourneyStore>(provider.GetRequiredService<JourneyContent.Journeys.IJourneyStore>());
        Assert.IsType<PostgreSqlLeadStore>(provider.GetRequiredService<JourneyContent.Leads.ILeadStore>());
        Assert.IsType<PostgreSqlOutbox>(provider.GetRequiredService<JourneyContent.Delivery.IOutbox>());
        Assert.IsType<PostgreSqlStageAuditLog>(provider.GetRequiredService<IStageAuditLog>());
        Assert.IsType<PostgreSqlStageLockStore>(provider.GetRequiredService<JourneyContent.StageLocks.IStageLockStore>());
        Assert.IsType<PostgreSqlReportStore>(provider.GetRequiredService<JourneyContent.Reports.IReportStore>());
        Assert.IsType<PostgreSqlVisitorVersions>(provider.GetRequiredService<JourneyContent.Journeys.IVisitorVersions>());
        Assert.IsType<PostgreSqlExclusiveWork>(provider.GetRequiredService<JourneyContent.Scheduling.IExclusiveWork>());
        Assert.True(await provider.GetRequiredService<IEditorAccountStore>().CreateAsync(new EditorAccount { Email = "ada@example.com" }, default));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT COUNT(*) FROM editor_accounts"));
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IEditorAccountStore)));
    }

    [Fact]
    public void The_connection_string_comes_from_the_section_else_from_ConnectionStrings_JourneyContent()
    {
        var fromNamed = Options(new() { ["ConnectionStrings:JourneyContent"] = _database.ConnectionString });
        var fromSection = Options(new()
        {
            ["ConnectionStrings:JourneyContent"] = "Host=not-this-one",
            ["JourneyContent:Storage:PostgreSql:ConnectionString"] = _database.ConnectionString,
        });

        Assert.Equal(_database.ConnectionString, fromNamed.ConnectionString);
        Assert.Equal(_database.ConnectionString, fromSection.ConnectionString);
    }

    [Fact]
    public async Task Health_reports_pending_migrations_before_start_and_ready_after()
    {
        await using var provider = new ServiceCollection().AddJourneyContentPostgreSql(o => o.ConnectionString = _database.ConnectionString).BuildServiceProvider();
        var health = provider.GetRequiredService<IStoreHealth>();

        var before = await health.CheckAsync(default);
        await provider.GetRequiredService<IStoreMigrator>().MigrateAsync();
        var after = await health.CheckAsync(default);

        Assert.True(before.Reachable);
        Assert.Equal(PostgreSqlMigrator.EmbeddedScripts().Count, before.PendingMigrations);
        Assert.False(before.IsReady);
        Assert.True(after.IsReady);
        Assert.Null(after.Problem);
    }

    [Fact]
    public async Task Health_of_an_unreachable_server_is_an_answer_that_names_the_server_but_not_the_password()
    {
        var port = LoopbackPorts.Free();
        await using var provider = new ServiceCollection()
            .AddJourneyContentPostgreSql(o => o.ConnectionString = $"Host=127.0.0.1;Port={port};Database=journeys;Username=site;Password=Tr0ub4dor-s3cret;Timeout=3")
            .BuildServiceProvider();

        var health = await provider.GetRequiredService<IStoreHealth>().CheckAsync(default);

        Assert.False(health.Reachable);
        Assert.False(health.IsReady);
        Assert.Contains($"'journeys' on 127.0.0.1:{port}", health.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor-s3cret", health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_and_using_the_stores_logs_nothing_of_the_connection_string_password()
    {
        const string password = "Tr0ub4dor-s3cret";
        var logs = new CapturingLoggerProvider();
        // The test cluster trusts loopback logins, so any password is accepted and must still never be logged.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = password }.ToString();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddJourneyContentPostgreSql(o => o.ConnectionString = connectionString);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IStoreMigrator>().MigrateAsync();
        await provider.GetRequiredService<IEditorAccountStore>().CreateAsync(new EditorAccount { Email = "ada@example.com" }, default);

        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
    }

    private static PostgreSqlStoreOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddJourneyContentPostgreSql(_ => { }).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
