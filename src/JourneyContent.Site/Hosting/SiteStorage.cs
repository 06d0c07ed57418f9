using JourneyContent.Health;

namespace JourneyContent.Site.Hosting;

/// <summary>Registers the store that <c>JourneyContent:Storage:Provider</c> names: SQLite in the data folder by default,
/// or one PostgreSQL database that several instances of the site share.</summary>
internal static class SiteStorage
{
    /// <exception cref="StoreUnavailableException">The setting names no provider.</exception>
    public static StorageProvider AddJourneyContentStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = StorageProviderSetting.Parse(configuration[StorageProviderSetting.Key]);
        _ = provider switch
        {
            StorageProvider.PostgreSql => services.AddJourneyContentPostgreSql(_ => { }),
            _ => services.AddJourneyContentSqlite(_ => { }),
        };
        return provider;
    }
}
