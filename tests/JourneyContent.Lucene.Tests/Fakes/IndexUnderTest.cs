using JourneyContent.Content;

namespace JourneyContent.Lucene.Tests.Fakes;

/// <summary>A started index over a fake source in a temporary folder; disposing closes the index and deletes the folder.</summary>
internal sealed class IndexUnderTest : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    private IndexUnderTest(IEnumerable<ContentItem> items)
    {
        Source = new FakeContentSource(items);
        Index = Catalogue.Open(Source, _folder.Path);
    }

    public FakeContentSource Source { get; }

    public LuceneContentIndex Index { get; }

    public static async Task<IndexUnderTest> StartAsync(IEnumerable<ContentItem>? items = null)
    {
        var index = new IndexUnderTest(items ?? Catalogue.Sample());
        await index.Index.WhenIdle();
        return index;
    }

    public async Task ReplaceAsync(IEnumerable<ContentItem> items)
    {
        Source.Replace(items);
        await Index.WhenIdle();
    }

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}
