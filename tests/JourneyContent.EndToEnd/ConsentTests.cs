using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class ConsentTests(SiteFixture site)
{
    [Fact]
    public async Task A_visitor_accepts_tracking_from_the_keyboard_and_the_site_then_knows_their_stage()
    {
        var page = await site.NewPageAsync();
        var consideration = site.Content.InLanguage("en").Where(i => i.Stage == "consideration" && i.SecondaryStages.Count == 0).Take(3).ToList();
        await page.GotoAsync("/en");
        var banner = page.Locator("[data-slot=consent-banner]");
        Assert.True(await banner.IsVisibleAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "journey-vid");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("consent-banner-en") });

        // Keyboard only: tab until the Accept button has focus, then press Enter.
        for (var i = 0; i < 60 && await page.EvaluateAsync<string>("document.activeElement?.textContent?.trim() ?? ''") != "Accept"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        // The form posts and redirects back to the same page: wait for that navigation to finish, not for a URL it already has.
        await page.Keyboard.PressAsync("Enter");
        await AfterTheRedirectAsync(page);
        Assert.False(await page.Locator("[data-slot=consent-banner]").IsVisibleAsync());
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "journey-vid" && c.HttpOnly);

        foreach (var item in consideration)
        {
            await page.GotoAsync(item.Url);
        }

        var me = await page.Context.APIRequest.GetAsync("/api/journey/me");
        var json = System.Text.Json.JsonDocument.Parse(await me.TextAsync()).RootElement;
        Assert.Equal("consideration", json.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_refusal_hides_the_banner_and_sets_no_tracking_cookie()
    {
        var page = await site.NewPageAsync("fr-FR");
        await page.GotoAsync("/fr/tarifs");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await AfterTheRedirectAsync(page);

        Assert.False(await page.Locator("[data-slot=consent-banner]").IsVisibleAsync());
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "journey-consent" && c.Value == "denied");
        Assert.DoesNotContain(cookies, c => c.Name == "journey-vid");
    }

    /// <summary>
    /// The consent form posts and redirects back to the page. The old document keeps its "load" state until the new
    /// one commits, so wait for the banner to leave the DOM (it is absent from the new page), then for its load.
    /// </summary>
    private static async Task AfterTheRedirectAsync(IPage page)
    {
        await page.Locator("[data-slot=consent-banner]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
