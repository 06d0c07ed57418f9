using System.Diagnostics;
using JourneyContent.Content;
using JourneyContent.Lucene.Tests.Fakes;
using JourneyContent.Markdown;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace JourneyContent.Lucene.Tests;

/// <summary>Times the index build and the whole MoreLikeThis table, for the demo site and for a large synthetic catalogue.</summary>
public sealed class SimilarityTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_site_gets_a_full_table()
    {
        using var markdown = new MarkdownContentSource(
            Options.Create(new MarkdownContentOptions { ContentPath = Path.Combine(RepositoryRoot(), "src", "JourneyContent.Site", "content"), WatchForChanges = false }),
            JourneyContent.Stages.StageModel.Default,
            new MarkdownRenderer(),
            TimeProvider.System,
            NullLogger<MarkdownContentSource>.Instance);
        var items = markdown.Current.Items;

        var (build, table) = await TimeAsync(items, show: 4);

        output.WriteLine($"Demo: {items.Count} items, index built in {build.TotalMilliseconds:F0} ms, similarity table in {table.TotalMilliseconds:F0} ms");
        Assert.True(items.Count >= 40, $"{items.Count} demo items");
    }

    [Fact]
    public async Task A_catalogue_of_two_thousand_items_gets_a_full_table()
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 3000).Select(n => "word" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[(int)Math.Pow(random.NextDouble(), 2) * vocabulary.Length]));
        var items = Enumerable.Range(0, 2000)
            .Select(n => Catalogue.Item((n % 2 == 0 ? "en" : "fr") + "/item-" + n, Words(6), n % 5 == 0 ? null : "awareness", Words(400), Words(25), "topic" + (n % 30)))
            .ToList();

        var (build, table) = await TimeAsync(items);

        output.WriteLine($"Synthetic: {items.Count} items, index built in {build.TotalMilliseconds:F0} ms, similarity table in {table.TotalMilliseconds:F0} ms");
    }

    private async Task<(TimeSpan Build, TimeSpan Table)> TimeAsync(IReadOnlyList<ContentItem> items, int show = 0)
    {
        using var folder = new TempIndexFolder();
        var watch = Stopwatch.StartNew();
        using var index = Catalogue.Open(new FakeContentSource(items), folder.Path);
        var build = watch.Elapsed;
        watch.Restart();
        await index.WhenIdle();
        var table = watch.Elapsed;

        // Once warm (JIT done), an update of one item re-indexes it and recomputes the whole table.
        var source = new FakeContentSource(items);
        using var warmFolder = new TempIndexFolder();
        using var warm = Catalogue.Open(source, warmFolder.Path);
        await warm.WhenIdle();
        watch.Restart();
        source.Replace([items[0] with { Title = items[0].Title + " (updated)", Version = "changed" }, .. items.Skip(1)]);
        await warm.WhenIdle();
        output.WriteLine($"{items.Count} items: one-item update with the whole table, warm: {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(items.Count, index.Current.Count);
        foreach (var item in items.Take(show))
        {
            output.WriteLine($"{item.Id}: {string.Join(", ", index.Current.Of(item.Id).Take(3).Select(n => $"{n.ContentId} {n.Similarity:F2}"))}");
        }

        Assert.True(items.Count(i => index.Current.Of(i.Id).Count > 0) > items.Count * 9 / 10);
        return (build, table);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyContent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JourneyContent.sln not found");
    }
}
