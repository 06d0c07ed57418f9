using JourneyContent.Content;
using JourneyContent.Markdown;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        return services;
    }
}
