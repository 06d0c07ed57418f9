using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class PublicPagesTests(SiteFixture site)
{
    [Fact]
    public async Task Home_page_renders_in_chromium_with_links_to_content()
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/en");

        Assert.Equal(200, response!.Status);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.Locator("main").IsVisibleAsync());
        var someItem = site.Content.InLanguage("en").First(i => !i.IsUntagged);
        Assert.True(await page.Locator($"a[href='{someItem.Url}']").CountAsync() > 0, $"the home page links to {someItem.Url}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("home-en"), FullPage = true });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Content_page_renders_its_title_body_and_stage_label(string language)
    {
        var item = site.Content.InLanguage(language).First(i => i.Stage == "consideration");
        var stageLabel = JourneyContent.Stages.StageModel.Default.FindStage("consideration")!.Label.Get(language);
        var page = await site.NewPageAsync(language == "fr" ? "fr-FR" : "en-GB");

        var response = await page.GotoAsync(item.Url);

        Assert.Equal(200, response!.Status);
        Assert.Equal(item.Title, (await page.Locator("h1").First.InnerTextAsync()).Trim());
        // TextContent, not InnerText: the badge is upper-cased by CSS, the label itself is not.
        Assert.Equal(stageLabel, await page.Locator("h1 ~ * [data-stage='consideration'], .content-header [data-stage='consideration']").First.TextContentAsync());
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath($"content-{language}"), FullPage = true });
    }

    [Fact]
    public async Task Unknown_page_shows_the_not_found_page_in_the_visitors_language()
    {
        var page = await site.NewPageAsync("fr-FR");

        var response = await page.GotoAsync("/fr/cette-page-n-existe-pas");

        Assert.Equal(404, response!.Status);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("not-found-fr") });
    }
}
