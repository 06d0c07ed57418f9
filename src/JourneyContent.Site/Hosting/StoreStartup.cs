using JourneyContent.Health;
using JourneyContent.Sqlite;

namespace JourneyContent.Site.Hosting;

/// <summary>
/// Opens and migrates the store before the site starts, so that a database it cannot use stops it with one clear
/// sentence (which file, what is wrong, which setting to check) and exit code 2, instead of the host's stack trace.
/// </summary>
public static class StoreStartup
{
    /// <summary>The exit code of a site that cannot open its store.</summary>
    public const int ExitCode = 2;

    /// <summary>The operator's sentence for a store that cannot be used.</summary>
    public static string Message(StoreUnavailableException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return "JourneyContent cannot start: " + error.Message;
    }

    /// <summary>Migrates the store; returns null when it is ready, else the operator's message.</summary>
    public static async Task<string?> ProblemAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            // Resolving the connection factory creates the data folder, which can fail too.
            await services.GetRequiredService<IStoreMigrator>().MigrateAsync(cancellationToken);
            return null;
        }
        catch (StoreUnavailableException e)
        {
            return Message(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var path = services.GetService<Microsoft.Extensions.Options.IOptions<SqliteStoreOptions>>()?.Value.DatabasePath ?? "(not set)";
            return "JourneyContent cannot start: " + SqliteMigrator.Unavailable(path, e).Message;
        }
    }
}
