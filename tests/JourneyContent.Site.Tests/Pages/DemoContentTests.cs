using JourneyContent.Stages;

namespace JourneyContent.Site.Tests.Pages;

[Collection(DemoSiteCollection.Name)]
public sealed class DemoContentTests(DemoSiteFixture fixture)
{
    [Fact]
    public void Demo_content_loads_without_errors()
    {
        Assert.Empty(fixture.Site.Content.Errors);
    }

    [Fact]
    public void Demo_content_has_at_least_thirty_tagged_items_covering_every_stage_in_both_languages()
    {
        var tagged = fixture.Site.Content.Items.Where(i => !i.IsUntagged).ToList();

        Assert.True(tagged.Count >= 30, $"{tagged.Count} tagged items");
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var stage in StageModel.Default.Stages)
            {
                Assert.Contains(tagged, i => i.Language == language && i.Stage == stage.Key);
            }
        }
    }

    [Theory]
    [InlineData("white-paper")]
    [InlineData("comparison-benchmark")]
    public void Gated_assets_in_both_languages_are_real_pdf_files(string kind)
    {
        foreach (var language in new[] { "en", "fr" })
        {
            var item = fixture.Site.Content.InLanguage(language).Single(i => i.Kind == kind);
            var bytes = File.ReadAllBytes(Path.Combine(fixture.Site.ContentPath, item.GatedAsset!));
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        }
    }

    [Fact]
    public void Every_translation_key_links_an_english_and_a_french_item()
    {
        var keys = fixture.Site.Content.Items.Where(i => i.TranslationKey is not null).GroupBy(i => i.TranslationKey);

        Assert.All(keys, group => Assert.Equal(["en", "fr"], group.Select(i => i.Language).Order()));
    }
}
