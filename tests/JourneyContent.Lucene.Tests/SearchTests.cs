using JourneyContent.Lucene.Tests.Fakes;
using JourneyContent.Search;

namespace JourneyContent.Lucene.Tests;

public sealed class SearchTests
{
    private static List<string> Ids(SearchResults results) => [.. results.Hits.Select(h => h.Item.Id)];

    [Fact]
    public async Task French_word_with_accents_finds_the_french_item()
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery("sécurité", "fr"));

        Assert.Equal(["fr/securite-des-donnees"], Ids(results));
        Assert.Equal(1, results.Total);
    }

    [Theory]
    [InlineData("securite")]
    [InlineData("SECURITE")]
    [InlineData("donnees elevee")]
    public async Task French_words_typed_without_accents_find_the_accented_item(string text)
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery(text, "fr"));

        Assert.Contains("fr/securite-des-donnees", Ids(results));
    }

    [Fact]
    public async Task French_elided_articles_do_not_stop_a_match()
    {
        using var test = await IndexUnderTest.StartAsync();

        // "d'équipe" is indexed as "equip": the elided article and the accent go.
        var results = test.Index.Search(new SearchQuery("équipe", "fr"));

        Assert.Equal(["fr/cafe-au-bureau"], Ids(results));
    }

    [Fact]
    public async Task A_french_query_never_returns_english_items_even_when_they_contain_the_word()
    {
        using var test = await IndexUnderTest.StartAsync();

        var french = test.Index.Search(new SearchQuery("sécurité données", "fr"));
        var english = test.Index.Search(new SearchQuery("sécurité", "en"));

        Assert.NotEmpty(french.Hits);
        Assert.All(french.Hits, h => Assert.Equal("fr", h.Item.Language));
        Assert.Equal(["en/security-and-gdpr"], Ids(english));
    }

    [Fact]
    public async Task English_stemming_lets_scoring_find_an_item_that_only_says_scores()
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery("scoring", "en"));

        Assert.Contains("en/benchmark-report", Ids(results));
        Assert.Contains("en/lead-scoring-basics", Ids(results));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_only_match()
    {
        using var test = await IndexUnderTest.StartAsync();

        // "customer" is in the benchmark report's title and only in the security page's body and summary.
        var results = test.Index.Search(new SearchQuery("customer", "en"));

        Assert.Equal("en/benchmark-report", Ids(results)[0]);
        Assert.Contains("en/security-and-gdpr", Ids(results));
    }

    [Fact]
    public async Task Untagged_items_are_hidden_unless_asked_for()
    {
        using var test = await IndexUnderTest.StartAsync();

        var visitor = test.Index.Search(new SearchQuery("pricing", "en"));
        var editor = test.Index.Search(new SearchQuery("pricing", "en") { IncludeUntagged = true });

        Assert.Empty(visitor.Hits);
        Assert.Equal(0, visitor.Total);
        Assert.Equal(["en/internal-draft"], Ids(editor));
        Assert.Equal(1, editor.StageCounts[""]);
    }

    [Fact]
    public async Task Stage_counts_are_taken_before_the_stage_filter_which_restricts_the_hits()
    {
        using var test = await IndexUnderTest.StartAsync();

        var all = test.Index.Search(new SearchQuery("lead scoring", "en"));
        var consideration = test.Index.Search(new SearchQuery("lead scoring", "en") { Stage = "consideration" });

        Assert.Equal(2, all.Total);
        Assert.Equal(["en/advanced-lead-scoring"], Ids(consideration));
        Assert.Equal(1, consideration.Total);
        Assert.Equal(new Dictionary<string, int> { ["awareness"] = 1, ["consideration"] = 1 }, consideration.StageCounts);
        Assert.Equal(all.StageCounts, consideration.StageCounts);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("*")]
    [InlineData("\"unclosed")]
    [InlineData("title_en:lead OR")]
    [InlineData("lead~2^3 [a TO z] {x} \\ / !")]
    [InlineData("?")]
    public async Task Query_syntax_is_taken_as_plain_words_and_never_throws(string text)
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery(text, "en") { IncludeUntagged = true });

        Assert.All(results.Hits, h => Assert.Equal("en", h.Item.Language));
        Assert.Equal(results.Total, results.Hits.Count);
    }

    [Fact]
    public async Task Operators_in_the_text_are_ordinary_words()
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery("lead* OR (scoring", "en"));

        Assert.Contains("en/lead-scoring-basics", Ids(results));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of")]
    public async Task Empty_text_or_only_stop_words_give_no_hits(string text)
    {
        using var test = await IndexUnderTest.StartAsync();

        var results = test.Index.Search(new SearchQuery(text, "en") { IncludeUntagged = true });

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
        Assert.Empty(results.StageCounts);
    }

    [Fact]
    public async Task Equal_scores_are_ordered_by_id_and_pages_follow_each_other()
    {
        // Identical text gives identical scores, so only the id decides the order.
        var items = Enumerable.Range(1, 7)
            .Select(n => Catalogue.Item($"en/webinar-{8 - n}", "Webinar replay", "awareness", "Watch the webinar replay.", null, "events"))
            .ToList();
        using var test = await IndexUnderTest.StartAsync(items);

        var pages = Enumerable.Range(0, 3)
            .Select(page => test.Index.Search(new SearchQuery("webinar", "en") { Skip = page * 3, Take = 3 }))
            .ToList();

        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Hits.Count));
        Assert.Equal(
            Enumerable.Range(1, 7).Select(n => $"en/webinar-{n}"),
            pages.SelectMany(Ids));
        Assert.Equal(Ids(pages[0]), Ids(test.Index.Search(new SearchQuery("webinar", "en") { Take = 3 })));
    }

    [Fact]
    public async Task Take_is_clamped_between_one_and_a_hundred()
    {
        using var test = await IndexUnderTest.StartAsync();

        var none = test.Index.Search(new SearchQuery("lead", "en") { Take = 0 });
        var negativeSkip = test.Index.Search(new SearchQuery("lead", "en") { Take = 1000, Skip = -5 });

        Assert.Single(none.Hits);
        Assert.Equal(2, negativeSkip.Hits.Count);
    }

    [Fact]
    public async Task Searching_before_start_or_after_dispose_returns_nothing()
    {
        using var folder = new TempIndexFolder();
        var source = new FakeContentSource(Catalogue.Sample());
        var index = new LuceneContentIndex(
            source,
            Microsoft.Extensions.Options.Options.Create(new LuceneIndexOptions { IndexPath = folder.Path }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LuceneContentIndex>.Instance);

        var before = index.Search(new SearchQuery("lead", "en"));
        index.Start();
        var started = index.Search(new SearchQuery("lead", "en"));
        index.Dispose();
        var after = index.Search(new SearchQuery("lead", "en"));

        Assert.Empty(before.Hits);
        Assert.Equal(2, started.Total);
        Assert.Empty(after.Hits);
    }
}
