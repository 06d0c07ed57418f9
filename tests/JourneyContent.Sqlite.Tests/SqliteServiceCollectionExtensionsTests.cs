using JourneyContent.Editing;
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

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        await hosted.StartAsync(default);

        Assert.Equal(_database.DatabasePath, provider.GetRequiredService<SqliteConnectionFactory>().DatabasePath);
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => s.Version), await provider.GetRequiredService<SqliteMigrator>().AppliedVersionsAsync());
        Assert.IsType<SqliteEditorAccountStore>(provider.GetRequiredService<IEditorAccountStore>());
        Assert.IsType<SqliteStageAuditLog>(provider.GetRequiredService<IStageAuditLog>());
        Assert.True(await provider.GetRequiredService<IEditorAccountStore>().CreateAsync(new EditorAccount { Email = "ada@example.com" }, default));
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IEditorAccountStore)));
    }

    [Fact]
    public void The_time_provider_of_the_application_is_kept()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_database.Clock);

        services.AddJourneyContentSqlite(o => o.DatabasePath = _database.DatabasePath);

        using var provider = services.BuildServiceProvider();
        Assert.Same(_database.Clock, provider.GetRequiredService<TimeProvider>());
    }
}
