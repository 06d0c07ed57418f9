using JourneyContent.Content;
using JourneyContent.Lucene.Tests.Fakes;
using JourneyContent.Recommendations;
using JourneyContent.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyContent.Lucene.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task One_index_serves_search_and_similarity_and_the_host_starts_it()
    {
        using var folder = new TempIndexFolder();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IContentSource>(new FakeContentSource(Catalogue.Sample()));
        services.AddLuceneContentIndex(o => o.IndexPath = folder.Path);
        services.AddLuceneContentIndex(o => o.SimilarItemsPerItem = 5);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);
        var index = provider.GetRequiredService<LuceneContentIndex>();
        await index.WhenIdle();

        Assert.Same(index, provider.GetRequiredService<IContentSearch>());
        Assert.Same(index, provider.GetRequiredService<IContentSimilarity>());
        Assert.NotEmpty(provider.GetRequiredService<IContentSearch>().Search(new SearchQuery("lead", "en")).Hits);
        Assert.True(Directory.Exists(folder.Path));
        await hosted.StopAsync(CancellationToken.None);
        Assert.Empty(index.Search(new SearchQuery("lead", "en")).Hits);
    }
}
