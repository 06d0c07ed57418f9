using JourneyContent.Lucene.Tests.Fakes;

namespace JourneyContent.Lucene.Tests;

public sealed class SimilarityTests
{
    [Fact]
    public async Task The_other_lead_scoring_item_is_the_closest_neighbour()
    {
        using var test = await IndexUnderTest.StartAsync();

        var english = test.Index.Current.Of("en/lead-scoring-basics");
        var french = test.Index.Current.Of("fr/notation-des-leads");

        Assert.Equal("en/advanced-lead-scoring", english[0].ContentId);
        Assert.Equal("fr/notation-predictive", french[0].ContentId);
        // The coffee page shares only "team" with it: at most a distant neighbour.
        var coffee = english.FirstOrDefault(n => n.ContentId == "en/office-coffee");
        Assert.True(coffee is null || coffee.Similarity < 0.5, string.Join(", ", english));
    }

    [Fact]
    public async Task Neighbours_are_of_the_same_language_only()
    {
        using var test = await IndexUnderTest.StartAsync();

        foreach (var item in test.Source.Current.Items)
        {
            Assert.All(test.Index.Current.Of(item.Id), n => Assert.StartsWith(item.Language + "/", n.ContentId, StringComparison.Ordinal));
            Assert.DoesNotContain(test.Index.Current.Of(item.Id), n => n.ContentId == item.Id);
        }
    }

    [Fact]
    public async Task Similarities_are_in_zero_to_one_and_the_first_is_one()
    {
        using var test = await IndexUnderTest.StartAsync();

        var lists = test.Source.Current.Items.Select(i => test.Index.Current.Of(i.Id)).Where(l => l.Count > 0).ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, list =>
        {
            Assert.Equal(1.0, list[0].Similarity, 6);
            Assert.All(list, n => Assert.InRange(n.Similarity, double.Epsilon, 1.0));
            Assert.Equal(list.OrderByDescending(n => n.Similarity).Select(n => n.ContentId), list.Select(n => n.ContentId));
        });
    }

    [Fact]
    public async Task Neighbour_lists_are_capped_by_the_option()
    {
        var items = Enumerable.Range(1, 8)
            .Select(n => Catalogue.Item($"en/lead-note-{n}", $"Lead scoring note {n}", "awareness", $"Lead scoring behaviour fit points, variant {n}."))
            .ToList();
        using var folder = new TempIndexFolder();
        using var index = Catalogue.Open(new FakeContentSource(items), folder.Path, similarItems: 3);
        await index.WhenIdle();

        Assert.All(items, i => Assert.Equal(3, index.Current.Of(i.Id).Count));
    }

    [Fact]
    public async Task The_table_follows_content_changes()
    {
        using var test = await IndexUnderTest.StartAsync();
        var checklist = Catalogue.Item("en/lead-scoring-checklist", "Lead scoring checklist", "decision",
            "A lead scoring checklist: behaviour points, fit points, and a model that ranks leads for sales teams.",
            "Check your lead scoring model.", "lead-scoring");

        await test.ReplaceAsync([.. Catalogue.Sample().Where(i => i.Id != "en/advanced-lead-scoring"), checklist]);

        Assert.Equal("en/lead-scoring-checklist", test.Index.Current.Of("en/lead-scoring-basics")[0].ContentId);
        Assert.NotEmpty(test.Index.Current.Of("en/lead-scoring-checklist"));
        Assert.Empty(test.Index.Current.Of("en/advanced-lead-scoring"));
        Assert.All(test.Source.Current.Items, i => Assert.DoesNotContain(test.Index.Current.Of(i.Id), n => n.ContentId == "en/advanced-lead-scoring"));
    }

    [Fact]
    public async Task Every_item_has_a_neighbour_list_once_the_first_table_is_computed()
    {
        using var test = await IndexUnderTest.StartAsync();

        Assert.Equal(test.Source.Current.Items.Count, test.Index.Current.Count);
    }
}
