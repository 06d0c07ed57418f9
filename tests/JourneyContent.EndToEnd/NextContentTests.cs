using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class NextContentTests(SiteFixture site)
{
    [Fact]
    public async Task Reading_three_consideration_items_changes_the_next_block_and_the_call_to_action()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/en/what-is-the-buyers-journey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        // The consent form redirects back to the page, which is then the visitor's first tracked view.
        await page.Locator("[data-slot=consent-banner]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForLoadStateAsync(LoadState.Load);
        var before = await BlocksAsync(page);
        await page.Locator("section.journey-next").ScrollIntoViewIfNeededAsync();
        await page.Locator("section.journey-next").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("next-awareness-en") });

        foreach (var url in new[] { "/en/nordlys-logistics-shortened-its-sales-cycle", "/en/atelier-berthe-doubled-qualified-leads", "/en/crm-or-marketing-automation-what-first" })
        {
            await page.GotoAsync(url);
        }

        await page.GotoAsync("/en/what-is-the-buyers-journey");
        var after = await BlocksAsync(page);
        await page.Locator("section.journey-next").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("next-consideration-en") });
        await page.Locator("aside.journey-cta").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("cta-consideration-en") });

        Assert.Equal("awareness", before.Stage);
        Assert.Contains(before.CtaKind, new[] { "newsletter", "white-paper" });
        Assert.Equal("consideration", after.Stage);
        Assert.Contains(after.CtaKind, new[] { "comparison-benchmark", "webinar" });
        Assert.NotEqual(before.Items, after.Items);
        Assert.DoesNotContain("/en/nordlys-logistics-shortened-its-sales-cycle", after.Items);

        // A click on the offer is reported by a beacon that survives the navigation, and stored against the visitor.
        var offer = await page.Locator("aside.journey-cta a.button").GetAttributeAsync("data-journey-cta");
        // Chromium reports no answer to a beacon, so the test routes the events endpoint through itself: the server's
        // answer means the event is queued, and the writer's settled signal means it is stored. No clock involved. An
        // engagement beacon may come first, hence the loop over answered beacons.
        var answered = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        await page.Context.RouteAsync("**/api/journey/events", async route =>
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new() { Response = response });
            answered.Writer.TryWrite(true);
        });
        await page.Locator("aside.journey-cta a.button").ClickAsync();
        var visitorId = (await page.Context.CookiesAsync()).Single(c => c.Name == "journey-vid").Value;
        var store = site.Site.Services.GetRequiredService<JourneyContent.Journeys.IJourneyStore>();
        var metrics = site.Site.Services.GetRequiredService<JourneyContent.Web.Tracking.TrackingMetrics>();
        var clicked = false;
        for (var beacon = 0; beacon < 3 && !clicked; beacon++)
        {
            using var hangGuard = new CancellationTokenSource(JourneyContent.Testing.DemoSite.HangGuard);
            await answered.Reader.ReadAsync(hangGuard.Token);
            await JourneyContent.Testing.DemoSite.SettledAsync(metrics);
            clicked = (await store.EventsOfAsync(visitorId, CancellationToken.None))
                .Any(e => e.Type == JourneyContent.Tracking.JourneyEventType.CtaClick && "/" + e.Content == offer);
        }

        Assert.True(clicked, $"A cta_click on {offer} is stored.");
    }

    [Fact]
    public async Task An_editor_previews_the_site_as_a_decision_visitor_and_sees_why()
    {
        var password = await Testing.BackOfficeClient.CreateAccountAsync(site.Site, "preview-editor@example.com", "editor");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/journey/admin/coverage");
        await page.GetByLabel("Email").FillAsync("preview-editor@example.com");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/coverage");

        await page.GotoAsync("/journey/admin/content/edit?id=en%2Fpricing");
        Assert.Equal("en/start-your-free-trial", await page.GetByLabel("Next step 1").InputValueAsync());
        await page.Locator("fieldset.recommendations").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("edit-recommendations") });

        await page.GetByLabel("Preview site as").SelectOptionAsync("decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/journey/admin", StringComparison.Ordinal));
        await page.GotoAsync("/en/what-is-the-buyers-journey");

        Assert.True(await page.Locator(".preview-banner").IsVisibleAsync());
        Assert.Equal("decision", await page.Locator("aside.journey-cta").GetAttributeAsync("data-stage"));
        Assert.True(await page.Locator(".journey-why").First.IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("preview-decision-banner") });
        await page.Locator("aside.journey-cta").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("preview-decision-cta") });
        await page.Locator("section.journey-next").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("preview-decision-next") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the preview" }).ClickAsync();
        await page.Locator(".preview-banner").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("awareness", await page.Locator("aside.journey-cta").GetAttributeAsync("data-stage"));
    }

    [Fact]
    public async Task Search_in_french_finds_an_accented_word()
    {
        var page = await site.NewPageAsync("fr-FR");
        await page.GotoAsync("/fr");
        await page.GetByLabel("Rechercher sur le site").FillAsync("sécurité des données");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/fr/search?q=*");

        Assert.True(await page.Locator("main a[href='/fr/securite-et-rgpd-chez-sillage']").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("search-fr") });
    }

    private static async Task<(string? Stage, string? CtaKind, List<string> Items)> BlocksAsync(IPage page)
    {
        var stage = await page.Locator("section.journey-next").GetAttributeAsync("data-journey-stage");
        var kind = await page.Locator("aside.journey-cta").GetAttributeAsync("data-kind");
        var items = new List<string>();
        foreach (var link in await page.Locator("section.journey-next a.card-link").AllAsync())
        {
            items.Add(await link.GetAttributeAsync("href") ?? "");
        }

        return (stage, kind, items);
    }
}
