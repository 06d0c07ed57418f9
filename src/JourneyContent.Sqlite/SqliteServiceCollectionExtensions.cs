using JourneyContent.Editing;
using JourneyContent.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Stores accounts and the audit log in SQLite, and migrates the schema when the host starts. Safe to call twice.</summary>
    public static IServiceCollection AddJourneyContentSqlite(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure(configure);
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<IEditorAccountStore, SqliteEditorAccountStore>();
        services.TryAddSingleton<IStageAuditLog, SqliteStageAuditLog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrateAtStartup>());
        return services;
    }

    /// <summary>Migrates before the other hosted services (registered later) use the database.</summary>
    private sealed class MigrateAtStartup(SqliteMigrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
