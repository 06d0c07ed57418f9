using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Hosting;

/// <summary>The site's folders as absolute paths, resolved against the content root.</summary>
/// <summary>The standalone site's folders, made absolute from the content root.</summary>
public sealed class SitePaths(IOptions<JourneyContentOptions> options, IWebHostEnvironment environment)
{
    /// <summary>The data folder (database, index, keys, mail).</summary>
    public string Data { get; } = Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath);

    /// <summary>The content folder (markdown files and gated assets).</summary>
    public string Content { get; } = Path.GetFullPath(options.Value.ContentPath, environment.ContentRootPath);

    /// <summary>
    /// Whether the data folder existed when the paths were first resolved: before any store's constructor (the
    /// connection factory creates the folder) and before the start-up migration, which both resolve these paths first.
    /// </summary>
    public bool DataExisted { get; } = Directory.Exists(Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath));
}

/// <summary>Points the markdown source at the content folder; the stores find the data folder through <see cref="DataFolder"/>.</summary>
internal sealed class ConfigureSiteStorage(SitePaths paths, IOptions<JourneyContentOptions> options)
    : IConfigureOptions<JourneyContent.Markdown.MarkdownContentOptions>
{
    public void Configure(JourneyContent.Markdown.MarkdownContentOptions markdown)
    {
        markdown.ContentPath = paths.Content;
        markdown.Languages = [.. options.Value.EffectiveLanguages];
    }
}

/// <summary>Creates the data folder on first run, so that a new site needs no setup.</summary>
/// <remarks>
/// Runs in <see cref="StartingAsync"/>, before any hosted service starts, so the stores that keep their files there find
/// it. Whether it existed is <see cref="SitePaths.DataExisted"/>, read before any store may create it.
/// </remarks>
internal sealed class DataFolderInitializer(SitePaths paths, ILogger<DataFolderInitializer> logger) : IHostedLifecycleService
{
    private readonly bool _existed = paths.DataExisted;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Data);
        logger.LogInformation("{Action} data folder {DataPath}; content from {ContentPath}", _existed ? "Using" : "Created", paths.Data, paths.Content);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
