using JourneyContent.Content;
using JourneyContent.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Markdown.Tests;

public sealed class MarkdownContentRegistrationTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_content_source_is_one_singleton_served_as_itself_and_as_IContentSource()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item());
        using var provider = Services(o => o.ContentPath = folder.Path).BuildServiceProvider();

        var source = provider.GetRequiredService<MarkdownContentSource>();

        Assert.Same(source, provider.GetRequiredService<IContentSource>());
        Assert.Same(source, provider.GetRequiredService<MarkdownContentSource>());
        Assert.Same(provider.GetRequiredService<MarkdownRenderer>(), provider.GetRequiredService<MarkdownRenderer>());
        Assert.Equal("en/page", Assert.Single(source.Current.Items).Id);
        Assert.Equal(_time.GetUtcNow(), source.Current.LoadedAt);
    }

    [Fact]
    public void Registering_twice_adds_each_service_once_and_applies_both_configurations()
    {
        using var folder = new ContentFolder();
        folder.Write("fr/page.md", ContentFolder.Item());
        var services = Services(o => o.ContentPath = folder.Path);

        services.AddMarkdownContent(o => o.Languages = ["en"]);
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(MarkdownContentSource));
        Assert.Single(services, d => d.ServiceType == typeof(IContentSource));
        Assert.Single(services, d => d.ServiceType == typeof(MarkdownRenderer));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        // The second configuration removed French, so the fr/ folder no longer sets a language.
        Assert.Equal("language", Assert.Single(provider.GetRequiredService<IContentSource>().Current.Errors).Field);
    }

    [Fact]
    public async Task The_host_starts_when_the_content_folder_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "jc-md-missing-" + Guid.NewGuid().ToString("N"));
        using var provider = Services(o => o.ContentPath = missing).BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var snapshot = provider.GetRequiredService<IContentSource>().Current;
        Assert.Empty(snapshot.Items);
        Assert.Contains(missing, Assert.Single(snapshot.Errors).Message, StringComparison.Ordinal);
    }

    private ServiceCollection Services(Action<MarkdownContentOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(StageModel.Default);
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddMarkdownContent(o =>
        {
            o.WatchForChanges = false;
            configure(o);
        });
        return services;
    }
}
