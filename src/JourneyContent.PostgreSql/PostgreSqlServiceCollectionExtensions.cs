using JourneyContent;
using JourneyContent.Editing;
using JourneyContent.Health;
using JourneyContent.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>The connection string's name under <c>ConnectionStrings</c>, read when the section does not set one.</summary>
    public const string ConnectionStringName = "JourneyContent";

    /// <summary>
    /// Stores back-office accounts, the audit log, events, leads, stage locks, reports and the outbox in one PostgreSQL
    /// database that every instance of the site shares, and migrates the schema when the host starts (once, however many
    /// instances start together). Safe to call twice.
    /// </summary>
    /// <remarks>
    /// The connection string comes from <c>JourneyContent:Storage:PostgreSql:ConnectionString</c>, else
    /// <c>ConnectionStrings:JourneyContent</c>, then <paramref name="configure"/>. Keep it in the environment or user secrets.
    /// </remarks>
    public static IServiceCollection AddJourneyContentPostgreSql(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgreSqlStoreOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                var configuration = sp.GetService<IConfiguration>();
                configuration?.GetSection(PostgreSqlStoreOptions.SectionName).Bind(o);
                if (string.IsNullOrWhiteSpace(o.ConnectionString) && configuration?.GetConnectionString(ConnectionStringName) is { Length: > 0 } named)
                {
                    o.ConnectionString = named;
                }
            })
            .Configure(configure);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgreSqlConnectionFactory>();
        services.TryAddSingleton<PostgreSqlMigrator>();
        services.TryAddSingleton<IStoreMigrator>(sp => sp.GetRequiredService<PostgreSqlMigrator>());
        services.TryAddSingleton<IEditorAccountStore, PostgreSqlEditorAccountStore>();
        services.TryAddSingleton<JourneyContent.Journeys.IJourneyStore, PostgreSqlJourneyStore>();
        services.TryAddSingleton<JourneyContent.Leads.ILeadStore, PostgreSqlLeadStore>();
        services.TryAddSingleton<JourneyContent.Delivery.IOutbox, PostgreSqlOutbox>();
        services.TryAddSingleton<IStageAuditLog, PostgreSqlStageAuditLog>();
        services.TryAddSingleton<JourneyContent.StageLocks.IStageLockStore, PostgreSqlStageLockStore>();
        services.TryAddSingleton<JourneyContent.Reports.IReportStore, PostgreSqlReportStore>();
        // Several instances share this store: each checks a visitor it holds against it before answering.
        services.TryAddSingleton<JourneyContent.Journeys.IVisitorVersions, PostgreSqlVisitorVersions>();
        services.TryAddSingleton<IStoreHealth, PostgreSqlStoreHealth>();
        // Scheduled work (retention, the stage-model re-fit) runs on one instance at a time, whoever registered a lease first.
        services.Replace(ServiceDescriptor.Singleton<JourneyContent.Scheduling.IExclusiveWork, PostgreSqlExclusiveWork>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrateAtStartup>());
        return services;
    }

    /// <summary>Migrates before the stores are used, and fails start-up with the migration's message if it cannot.</summary>
    private sealed class MigrateAtStartup(PostgreSqlMigrator migrator) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
