namespace JourneyContent.Health;

/// <summary>Brings the store's schema to the version this build needs; each storage provider implements it.</summary>
/// <remarks>The host calls it before it serves, so a database it cannot use stops start-up with one clear sentence.</remarks>
public interface IStoreMigrator
{
    /// <summary>Applies every migration the database has not applied, once however many instances start together.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be opened; the message names the setting to check.</exception>
    /// <exception cref="InvalidOperationException">A migration failed and was rolled back, or the database is newer than this build.</exception>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
