using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright, every rule, WCAG 2.2 AA and best practices) on the pages visitors, editors and
/// marketers use, at desktop and phone width: no serious and no critical violation.
/// </summary>
[Collection(ReadmeSiteCollection.Name)]
public sealed class AccessibilityTests(ReadmeSiteFixture site)
{
    private const string Benchmark = "/en/marketing-automation-platforms-compared-2026";

    [Theory]
    [InlineData(1366)]
    [InlineData(375)]
    public async Task The_visitors_pages_have_no_serious_or_critical_violation(int width)
    {
        var page = await site.NewPageAsync(width: width);
        var found = new List<string>();

        await page.GotoAsync("/en");
        found.AddRange(await ViolationsAsync(page, "home with the banner"));
        await page.Locator("[data-slot=consent-banner] button[value=true]").ClickAsync();
        await page.Locator("[data-slot=consent-saved]").WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "home after consent"));
        await page.GotoAsync("/en/pricing");
        found.AddRange(await ViolationsAsync(page, "pricing"));
        await page.GotoAsync("/fr/qu-est-ce-que-le-parcours-d-achat");
        found.AddRange(await ViolationsAsync(page, "a French post"));
        await page.GotoAsync(Benchmark);
        found.AddRange(await ViolationsAsync(page, "the benchmark"));
        await page.Locator("form.lead-form button[type=submit]").ClickAsync();
        await page.Locator("#gf-errors").WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "the form with errors"));
        await page.Locator("#gf-email").FillAsync($"axe.{width}@example.com");
        await page.Locator("#gf-consent").CheckAsync();
        await page.Locator("form.lead-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/journey/thank-you?t=*");
        found.AddRange(await ViolationsAsync(page, "the thank-you page"));
        await page.GotoAsync("/en/privacy");
        found.AddRange(await ViolationsAsync(page, "privacy and cookie settings"));
        await page.GotoAsync("/en/no-such-page");
        found.AddRange(await ViolationsAsync(page, "404"));

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(375)]
    public async Task The_back_office_pages_have_no_serious_or_critical_violation(int width)
    {
        var page = await site.NewPageAsync(width: width);
        await page.GotoAsync("/journey/admin/sign-in");
        var found = new List<string>(await ViolationsAsync(page, "sign-in"));
        await page.Locator("input[name=Email]").FillAsync(ReadmeSiteFixture.AdminEmail);
        await page.Locator("input[name=Password]").FillAsync(ReadmeSiteFixture.AdminPassword);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        foreach (var (path, name) in new[]
        {
            ("/journey/admin/content", "inventory"),
            ("/journey/admin/content?stage=untagged", "inventory, untagged"),
            ("/journey/admin/content/edit?id=en%2Fpricing", "edit page"),
            ("/journey/admin/coverage", "coverage"),
            ("/journey/admin/audit", "audit log"),
            ("/journey/admin/leads", "leads list"),
            ("/journey/admin/reports", "reports"),
        })
        {
            await page.GotoAsync(path);
            found.AddRange(await ViolationsAsync(page, name));
            if (name == "edit page")
            {
                await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath($"backoffice-edit-{width}"), FullPage = true });
            }
        }

        // Every report the catalogue lists, as the reports page links them.
        var reports = new List<string>();
        foreach (var link in await page.Locator("main a[href^='/journey/admin/reports/']").AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            if (href is not null && !href.Contains("csv", StringComparison.Ordinal) && !href.Contains("export", StringComparison.Ordinal) && !reports.Contains(href))
            {
                reports.Add(href);
            }
        }

        Assert.NotEmpty(reports);
        foreach (var report in reports)
        {
            await page.GotoAsync(report);
            found.AddRange(await ViolationsAsync(page, report));
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name} ({page.ViewportSize?.Width ?? 0}px): {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
