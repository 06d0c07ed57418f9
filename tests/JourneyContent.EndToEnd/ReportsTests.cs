using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class ReportsTests(SiteFixture site)
{
    [Fact]
    public async Task A_marketer_opens_the_funnel_filters_to_french_and_exports_the_csv()
    {
        // A visitor reads a French and an English post first, so the funnel has someone to count whatever ran before.
        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync("/en");
        await visitor.Locator("[data-slot=consent-banner] button[value=true]").ClickAsync();
        await visitor.Locator("[data-slot=consent-saved]").WaitForAsync();
        await visitor.GotoAsync("/fr/qu-est-ce-que-le-parcours-d-achat");
        await visitor.GotoAsync("/en/what-is-the-buyers-journey");
        await site.Site.StoredEventsAsync();

        var password = await Testing.BackOfficeClient.CreateAccountAsync(site.Site, "reports-marketer@example.com", "marketer");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/journey/admin/reports");
        await page.GetByLabel("Email").FillAsync("reports-marketer@example.com");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        Assert.True(page.Url.EndsWith("/journey/admin/reports", StringComparison.Ordinal), $"Landed on {page.Url}: {await page.Locator("h1").InnerTextAsync()}");
        await page.GotoAsync("/journey/admin/reports/funnel");

        Assert.True(await page.Locator("figure svg[role=img]").First.IsVisibleAsync());
        Assert.Equal("Funnel", await page.Locator("caption").First.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("reports-funnel"), FullPage = true });

        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/reports/funnel?*lang=fr*");
        Assert.Equal("fr", await page.GetByLabel("Language").InputValueAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.StartsWith("journeycontent-funnel-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("stage,visitors,leads,reached,conversion_to_next\r\nawareness,", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
