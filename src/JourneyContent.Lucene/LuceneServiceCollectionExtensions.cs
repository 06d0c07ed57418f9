using JourneyContent;
using JourneyContent.Lucene;
using JourneyContent.Recommendations;
using JourneyContent.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Lucene.Net content index.</summary>
public static class LuceneServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LuceneContentIndex"/> as <see cref="IContentSearch"/> and <see cref="IContentSimilarity"/>,
    /// started when the host starts and closed when it stops. Needs an <see cref="JourneyContent.Content.IContentSource"/>.
    /// </summary>
    /// <remarks>Calling it again only adds <paramref name="configure"/>; services are registered once.</remarks>
    public static IServiceCollection AddLuceneContentIndex(this IServiceCollection services, Action<LuceneIndexOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LuceneIndexOptions>().Configure(configure)
            .PostConfigure<IServiceProvider>((o, sp) => o.IndexPath = DataFolder.Resolve(o.IndexPath, sp.GetService<DataFolder>(), LuceneIndexOptions.DefaultFolderName) ?? string.Empty);
        services.TryAddSingleton<LuceneContentIndex>();
        services.TryAddSingleton<IContentSearch>(sp => sp.GetRequiredService<LuceneContentIndex>());
        services.TryAddSingleton<IContentSimilarity>(sp => sp.GetRequiredService<LuceneContentIndex>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LuceneIndexHostedService>());
        return services;
    }

    /// <summary>Opens (and when needed rebuilds) the index at start-up, and closes it at shutdown.</summary>
    private sealed class LuceneIndexHostedService(LuceneContentIndex index, ILogger<LuceneIndexHostedService> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                index.Start();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
            {
                // Search is not worth taking the site down: it answers with no hits until the next start.
                logger.LogError(ex, "The search index could not be opened; search returns nothing and similarities stay empty");
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            index.Dispose();
            return Task.CompletedTask;
        }
    }
}
