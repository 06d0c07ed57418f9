using JourneyContent.Lucene.Tests.Fakes;
using JourneyContent.Search;

namespace JourneyContent.Lucene.Tests;

public sealed class IndexUpdateTests
{
    private static List<string> Find(LuceneContentIndex index, string text, string language = "en") =>
        [.. index.Search(new SearchQuery(text, language)).Hits.Select(h => h.Item.Id)];

    // Names and sizes of the index files; the lock file stays behind after a writer closes and is not part of the index.
    private static List<string> IndexFiles(string folder) =>
        [.. new DirectoryInfo(folder).GetFiles()
            .Where(f => f.Name != "write.lock")
            .Select(f => f.Name + ":" + f.Length + ":" + f.LastWriteTimeUtc.Ticks)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task An_added_item_is_found_after_the_content_changes()
    {
        using var test = await IndexUnderTest.StartAsync();
        var generation = test.Index.Generation;

        await test.ReplaceAsync([.. Catalogue.Sample(), Catalogue.Item("en/onboarding-webinar", "Onboarding webinar", "decision", "Join our onboarding webinar.")]);

        Assert.Equal(["en/onboarding-webinar"], Find(test.Index, "webinar"));
        Assert.True(test.Index.Generation > generation);
    }

    [Fact]
    public async Task A_changed_title_is_searched_by_its_new_words_only()
    {
        using var test = await IndexUnderTest.StartAsync();
        var items = Catalogue.Sample();
        var coffee = items.Single(i => i.Id == "en/office-coffee");
        items[items.IndexOf(coffee)] = Catalogue.Item(coffee.Id, "Choosing tea for the office", "awareness", "Green and black tea for the team kitchen.");

        await test.ReplaceAsync(items);

        Assert.Equal(["en/office-coffee"], Find(test.Index, "tea"));
        Assert.Empty(Find(test.Index, "espresso"));
    }

    [Fact]
    public async Task A_deleted_item_is_no_longer_found()
    {
        using var test = await IndexUnderTest.StartAsync();
        Assert.Equal(["fr/cafe-au-bureau"], Find(test.Index, "café", "fr"));

        await test.ReplaceAsync(Catalogue.Sample().Where(i => i.Id != "fr/cafe-au-bureau"));

        Assert.Empty(Find(test.Index, "café", "fr"));
    }

    [Fact]
    public async Task Retagging_an_item_without_a_new_version_updates_its_stage()
    {
        using var test = await IndexUnderTest.StartAsync();
        var items = Catalogue.Sample();
        var draft = items.Single(i => i.Id == "en/internal-draft");
        items[items.IndexOf(draft)] = draft with { Stage = "decision" };

        await test.ReplaceAsync(items);

        var results = test.Index.Search(new SearchQuery("pricing", "en"));
        Assert.Equal(["en/internal-draft"], results.Hits.Select(h => h.Item.Id));
        Assert.Equal(1, results.StageCounts["decision"]);
    }

    [Fact]
    public async Task Changes_in_quick_succession_end_with_the_last_catalogue()
    {
        using var test = await IndexUnderTest.StartAsync();

        for (var n = 1; n <= 5; n++)
        {
            test.Source.Replace([.. Catalogue.Sample(), Catalogue.Item($"en/release-{n}", $"Release notes {n}", "awareness", "What changed in this release.")]);
        }

        await test.Index.WhenIdle();

        Assert.Equal(["en/release-5"], Find(test.Index, "release"));
        Assert.Equal(test.Source.Current.Items.Count, test.Index.Current.Count);
        Assert.Equal("en/advanced-lead-scoring", test.Index.Current.Of("en/lead-scoring-basics")[0].ContentId);
    }

    [Fact]
    public async Task Searches_running_during_updates_never_fail()
    {
        using var test = await IndexUnderTest.StartAsync();
        using var stop = new CancellationTokenSource();
        var searching = Task.Run(() =>
        {
            var searches = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.NotEmpty(test.Index.Search(new SearchQuery("lead scoring", "en")).Hits);
                searches++;
            }

            return searches;
        });

        for (var n = 0; n < 10; n++)
        {
            await test.ReplaceAsync([.. Catalogue.Sample(), Catalogue.Item($"en/extra-{n}", $"Extra {n}", "awareness", "More about lead scoring.")]);
        }

        await stop.CancelAsync();
        Assert.True(await searching > 0);
    }

    [Fact]
    public async Task A_restart_over_unchanged_content_reuses_the_index_without_rebuilding()
    {
        using var folder = new TempIndexFolder();
        var source = new FakeContentSource(Catalogue.Sample());
        using (var first = Catalogue.Open(source, folder.Path))
        {
            Assert.True(first.LastStartRebuilt);
            await first.WhenIdle();
        }

        var filesBefore = IndexFiles(folder.Path);
        using var second = Catalogue.Open(new FakeContentSource(Catalogue.Sample()), folder.Path);
        await second.WhenIdle();

        Assert.False(second.LastStartRebuilt);
        Assert.Equal(filesBefore, IndexFiles(folder.Path));
        Assert.Equal(["fr/securite-des-donnees"], Find(second, "securite", "fr"));
        Assert.Equal("en/advanced-lead-scoring", second.Current.Of("en/lead-scoring-basics")[0].ContentId);
    }

    [Fact]
    public async Task A_restart_over_changed_content_rebuilds_the_index()
    {
        using var folder = new TempIndexFolder();
        using (var first = Catalogue.Open(new FakeContentSource(Catalogue.Sample()), folder.Path))
        {
            await first.WhenIdle();
        }

        var changed = Catalogue.Sample().Where(i => i.Id != "en/office-coffee").ToList();
        changed.Add(Catalogue.Item("en/new-guide", "Buyer guide", "decision", "A guide for buyers."));
        using var second = Catalogue.Open(new FakeContentSource(changed), folder.Path);
        await second.WhenIdle();

        Assert.True(second.LastStartRebuilt);
        Assert.Equal(["en/new-guide"], Find(second, "guide"));
        Assert.Empty(Find(second, "coffee"));
    }

    [Fact]
    public async Task A_restart_after_live_updates_reuses_the_index_they_left()
    {
        using var folder = new TempIndexFolder();
        var source = new FakeContentSource(Catalogue.Sample());
        var updated = Catalogue.Sample().Append(Catalogue.Item("en/new-guide", "Buyer guide", "decision", "A guide for buyers.")).ToList();
        using (var first = Catalogue.Open(source, folder.Path))
        {
            source.Replace(updated);
            await first.WhenIdle();
        }

        using var second = Catalogue.Open(new FakeContentSource(updated), folder.Path);

        Assert.False(second.LastStartRebuilt);
        Assert.Equal(["en/new-guide"], Find(second, "guide"));
    }

    [Fact]
    public async Task An_unreadable_index_folder_is_rebuilt()
    {
        using var folder = new TempIndexFolder();
        Directory.CreateDirectory(folder.Path);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "segments_1"), "not an index");

        using var index = Catalogue.Open(new FakeContentSource(Catalogue.Sample()), folder.Path);

        Assert.True(index.LastStartRebuilt);
        Assert.Equal(["fr/securite-des-donnees"], Find(index, "sécurité", "fr"));
    }
}
