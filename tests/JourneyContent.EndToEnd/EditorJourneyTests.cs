using System.Globalization;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// Journey 5 of the browser proof: an editor tags an untagged item, accepts a suggestion, re-tags two items in bulk
/// through the confirmation page (and undoes it), and sees the coverage matrix follow each change.
/// </summary>
[Collection(ReadmeSiteCollection.Name)]
public sealed class EditorJourneyTests(ReadmeSiteFixture site)
{
    [Fact]
    public async Task An_editor_tags_accepts_a_suggestion_bulk_retags_with_confirmation_and_sees_coverage_change()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/journey/admin/content");
        Assert.Contains("/journey/admin/sign-in", page.Url, StringComparison.Ordinal);
        await page.Locator("input[name=Email]").FillAsync(ReadmeSiteFixture.AdminEmail);
        await page.Locator("input[name=Password]").FillAsync(ReadmeSiteFixture.AdminPassword);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/content");

        var untaggedBefore = await UntaggedAsync(page);
        var advocacyBefore = await CellAsync(page, "advocacy", "en");
        Assert.True(untaggedBefore >= 2, $"The demo has {untaggedBefore} untagged items.");

        // Tag one untagged item by hand.
        await page.GotoAsync("/journey/admin/content?stage=untagged&language=en");
        var row = page.Locator("tr.untagged").First;
        await row.Locator("select[name='Stage']").SelectOptionAsync("advocacy");
        await row.Locator("form.inline-tag button[type=submit]").ClickAsync();
        await page.Locator(".flash").WaitForAsync();

        // Accept the suggestion on the next one.
        await page.GotoAsync("/journey/admin/content?stage=untagged");
        await page.Locator("tr.untagged button.accept-suggestion").First.ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-editor-1-accepted"), FullPage = true });

        Assert.Equal(untaggedBefore - 2, await UntaggedAsync(page));
        Assert.Equal(advocacyBefore + 1, await CellAsync(page, "advocacy", "en"));

        // Bulk: two French awareness items to consideration, through the confirmation page.
        var considerationBefore = await CellAsync(page, "consideration", "fr");
        await page.GotoAsync("/journey/admin/content?stage=awareness&primary=true&language=fr");
        var boxes = page.Locator("input[name=Selected]");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.Locator("#bulk select[name=Stage]").SelectOptionAsync("consideration");
        await page.Locator("#bulk button[type=submit]").ClickAsync();
        await page.Locator("#confirm-bulk").WaitForAsync();
        Assert.Equal(considerationBefore, await CellAsync(page.Context, "consideration", "fr"));
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-editor-2-confirm"), FullPage = true });
        await page.Locator("#confirm-bulk").ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Equal(considerationBefore + 2, await CellAsync(page.Context, "consideration", "fr"));

        // And undo it.
        await page.Locator("#undo-bulk button[type=submit]").ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Equal(considerationBefore, await CellAsync(page.Context, "consideration", "fr"));
        await page.GotoAsync("/journey/admin/coverage");
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-editor-3-coverage"), FullPage = true });
    }

    private static async Task<int> UntaggedAsync(IPage page)
    {
        await page.GotoAsync("/journey/admin/coverage");
        return Number(await page.Locator("tr.untagged-row td").Last.InnerTextAsync());
    }

    private static async Task<int> CellAsync(IPage page, string stage, string language)
    {
        await page.GotoAsync("/journey/admin/coverage");
        return Number(await page.Locator($"#stage-language tr[data-stage='{stage}'] td[data-language='{language}']").InnerTextAsync());
    }

    // Read in a second tab, so the page under test keeps its place (the confirmation, the inventory with its undo).
    private static async Task<int> CellAsync(IBrowserContext context, string stage, string language)
    {
        var other = await context.NewPageAsync();
        try
        {
            return await CellAsync(other, stage, language);
        }
        finally
        {
            await other.CloseAsync();
        }
    }

    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
