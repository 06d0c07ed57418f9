using JourneyContent.Editing;
using JourneyContent.Testing;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class BackOfficeTests(SiteFixture site)
{
    [Fact]
    public async Task Editor_signs_in_tags_an_untagged_item_and_sees_the_coverage_matrix_change()
    {
        var password = await BackOfficeClient.CreateAccountAsync(site.Site, "e2e-editor@example.com", JourneyRoles.Editor);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/journey/admin/content");
        Assert.EndsWith("/journey/admin/sign-in?ReturnUrl=%2Fjourney%2Fadmin%2Fcontent", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync("e2e-editor@example.com");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/content");

        await page.GotoAsync("/journey/admin/coverage");
        var untaggedBefore = await page.Locator("tr.untagged-row td").Last.InnerTextAsync();
        var advocacyEnBefore = await page.Locator("#stage-language tr[data-stage='advocacy'] td[data-language='en']").InnerTextAsync();

        await page.GotoAsync("/journey/admin/content?stage=untagged&language=en");
        var row = page.Locator("tr.untagged").First;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("admin-inventory-untagged"), FullPage = true });
        await row.Locator("select[name='Stage']").SelectOptionAsync("advocacy");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForSelectorAsync(".flash");
        Assert.Equal("Saved.", (await page.Locator(".flash").InnerTextAsync()).Trim());

        await page.GotoAsync("/journey/admin/coverage");
        var untaggedAfter = await page.Locator("tr.untagged-row td").Last.InnerTextAsync();
        var advocacyEnAfter = await page.Locator("#stage-language tr[data-stage='advocacy'] td[data-language='en']").InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SiteFixture.ScreenshotPath("admin-coverage"), FullPage = true });

        Assert.Equal(int.Parse(untaggedBefore, System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(untaggedAfter, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(advocacyEnBefore, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(advocacyEnAfter, System.Globalization.CultureInfo.InvariantCulture));
    }
}
