using JourneyContent.Content;
using JourneyContent.Markdown;
using JourneyContent.Tagging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// Registration extensions live in the DI namespace so they are found without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the markdown content source.</summary>
public static class MarkdownContentServiceCollectionExtensions
{
    /// <summary>Serves content from a folder of markdown files: <see cref="MarkdownRenderer"/> and <see cref="MarkdownContentSource"/> as singletons, and <see cref="IContentSource"/> as that same source.</summary>
    /// <remarks>
    /// Needs <c>JourneyContent.Stages.StageModel</c>, <see cref="TimeProvider"/> and logging registered. Calling it twice
    /// registers nothing twice (every <paramref name="configure"/> still applies, in order). The content is loaded
    /// while the host starts; a missing folder gives an empty catalogue with an error rather than a failed start.
    /// </remarks>
    public static IServiceCollection AddMarkdownContent(this IServiceCollection services, Action<MarkdownContentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.TryAddSingleton<MarkdownRenderer>();
        services.TryAddSingleton<MarkdownContentSource>();
        services.TryAddSingleton<IContentSource>(sp => sp.GetRequiredService<MarkdownContentSource>());
        services.TryAddSingleton<FrontMatterTagWriter>();
        services.TryAddSingleton<IContentTagWriter>(sp => sp.GetRequiredService<FrontMatterTagWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LoadContentAtStartup>());
        return services;
    }

    /// <summary>Loads the content while the host starts, so that the first visitor does not wait for it.</summary>
    private sealed class LoadContentAtStartup(MarkdownContentSource source) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = source.Current;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
