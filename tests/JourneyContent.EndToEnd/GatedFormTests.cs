using JourneyContent.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

[Collection(SiteCollection.Name)]
public sealed class GatedFormTests(SiteFixture site)
{
    [Fact]
    public async Task A_visitor_fills_the_benchmark_form_with_one_error_fixes_it_and_downloads_the_pdf()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/en/marketing-automation-platforms-compared-2026");
        var form = page.Locator("form.lead-form");
        await form.ScrollIntoViewIfNeededAsync();

        await form.GetByLabel("Work email").FillAsync("marie.curie@example");
        await form.GetByLabel("First name").FillAsync("Marie");
        await form.GetByLabel("Company").FillAsync("Radium Institute");
        await form.GetByLabel("Where are you in your project?").SelectOptionAsync("consideration");
        await form.GetByLabel("I agree that my details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Get the document" }).ClickAsync();

        var error = page.Locator("#gf-email-error");
        await error.WaitForAsync();
        Assert.Equal("Enter an email address such as name@company.com.", (await error.TextContentAsync())?.Trim());
        Assert.Equal("Marie", await form.GetByLabel("First name").InputValueAsync());
        Assert.Equal("true", await form.GetByLabel("Work email").GetAttributeAsync("aria-invalid"));
        await page.Locator("aside.journey-form").ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("form-error-en") });

        await form.GetByLabel("Work email").FillAsync("marie.curie@example.org");
        await form.GetByLabel("I agree that my details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Get the document" }).ClickAsync();
        await page.WaitForURLAsync("**/journey/thank-you?t=*");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("form-thank-you-en") });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download") }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);

        Assert.Equal("marketing-automation-benchmark-2026-en.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var lead = await site.Site.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("marie.curie@example.org", default);
        Assert.Equal(("Marie", "consideration"), (lead?.Profile.FirstName, lead?.DeclaredStage));
    }
}
