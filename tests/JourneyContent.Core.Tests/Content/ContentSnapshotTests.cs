using JourneyContent.Content;
using JourneyContent.Core.Tests.Recommendations;

namespace JourneyContent.Core.Tests.Content;

/// <summary>How a request's path and a CMS's routing find an item of a snapshot.</summary>
public sealed class ContentSnapshotTests
{
    private static ContentSnapshot Snapshot(params ContentItem[] items) => new(items, [], DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("/en/guide")]
    [InlineData("/en/guide/")]
    [InlineData("/EN/Guide")]
    [InlineData("/en/guide/?utm_source=mail")]
    [InlineData("/en/guide#part-2")]
    public void A_page_is_found_with_or_without_its_trailing_slash_and_whatever_its_query(string path)
    {
        var snapshot = Snapshot(RecommendationKit.Item("guide", "awareness"));

        Assert.Equal("en/guide", snapshot.FindByUrl(path)?.Id);
    }

    [Fact]
    public void An_item_whose_url_ends_with_a_slash_is_found_without_it()
    {
        var snapshot = Snapshot(RecommendationKit.Item("guide", "awareness") with { Url = "/guide/" });

        Assert.Equal("en/guide", snapshot.FindByUrl("/guide")?.Id);
        Assert.Equal("en/guide", snapshot.FindByUrl("/guide/")?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?x=1")]
    [InlineData("/en/other")]
    [InlineData("/en/guide/more")]
    public void A_path_that_names_no_page_finds_nothing(string? path)
    {
        var snapshot = Snapshot(RecommendationKit.Item("guide", "awareness"));

        Assert.Null(snapshot.FindByUrl(path));
    }

    [Fact]
    public void The_site_root_is_a_page_of_its_own()
    {
        var snapshot = Snapshot(RecommendationKit.Item("home", "awareness") with { Url = "/" }, RecommendationKit.Item("guide", "awareness"));

        Assert.Equal("en/home", snapshot.FindByUrl("/")?.Id);
        Assert.Equal("en/home", snapshot.FindByUrl("//")?.Id);
    }

    [Fact]
    public void The_versions_of_a_document_are_found_by_their_translation_key()
    {
        var snapshot = Snapshot(
            RecommendationKit.Item("guide", "awareness") with { TranslationKey = "k1" },
            RecommendationKit.Item("guide", "awareness", language: "fr") with { TranslationKey = "k1" },
            RecommendationKit.Item("other", "awareness") with { TranslationKey = "k2" });

        Assert.Equal(["en/guide", "fr/guide"], snapshot.WithTranslationKey("k1").Select(i => i.Id));
        Assert.Empty(snapshot.WithTranslationKey("none"));
    }
}
