using JourneyContent;
using JourneyContent.Editing;
using JourneyContent.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Stores back-office accounts, the audit log, events, leads, stage locks and the outbox (mail and webhooks) in SQLite, and migrates the schema when the host starts.
    /// Safe to call twice: services are added once, and each call's <paramref name="configure"/> is applied in order.
    /// </summary>
    /// <remarks>
    /// The schema is migrated in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs for every lifecycle
    /// service before any hosted service's <see cref="IHostedService.StartAsync"/>: hosted services that use the database
    /// may be registered before or after this call.
    /// </remarks>
    public static IServiceCollection AddJourneyContentSqlite(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        // The configuration section first, so that what the code sets wins.
        services.AddOptions<SqliteStoreOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(SqliteStoreOptions.SectionName).Bind(o))
            .Configure(configure)
            .PostConfigure<IServiceProvider>((o, sp) => o.DatabasePath = DataFolder.Resolve(o.DatabasePath, sp.GetService<DataFolder>(), SqliteStoreOptions.DefaultFileName) ?? string.Empty);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<JourneyContent.Health.IStoreMigrator>(sp => sp.GetRequiredService<SqliteMigrator>());
        services.TryAddSingleton<IEditorAccountStore, SqliteEditorAccountStore>();
        services.TryAddSingleton<IStageAuditLog, SqliteStageAuditLog>();
        services.TryAddSingleton<JourneyContent.Journeys.IJourneyStore, SqliteJourneyStore>();
        services.TryAddSingleton<JourneyContent.Leads.ILeadStore, SqliteLeadStore>();
        services.TryAddSingleton<JourneyContent.StageLocks.IStageLockStore, SqliteStageLockStore>();
        services.TryAddSingleton<JourneyContent.Delivery.IOutbox, SqliteOutbox>();
        services.TryAddSingleton<JourneyContent.Reports.IReportStore, SqliteReportStore>();
        services.TryAddSingleton<JourneyContent.Health.IStoreHealth, SqliteStoreHealth>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrateAtStartup>());
        return services;
    }

    /// <summary>Migrates before the stores are used, and fails start-up with the migration's message if it cannot.</summary>
    /// <remarks>The work is in <see cref="StartingAsync"/> so that it does not depend on where in the registration order it sits.</remarks>
    private sealed class MigrateAtStartup(SqliteMigrator migrator) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
