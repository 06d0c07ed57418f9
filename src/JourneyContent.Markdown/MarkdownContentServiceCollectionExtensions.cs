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
    /// <summary>Serves content from a folder of markdown files. Needs <c>StageModel</c> and <c>TimeProvider</c> registered. Safe to call twice.</summary>
    public static IServiceCollection AddMarkdownContent(this IServiceCollection services, Action<MarkdownContentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
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
