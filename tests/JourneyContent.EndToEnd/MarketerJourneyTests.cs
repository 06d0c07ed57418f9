using System.Globalization;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// Journey 6 of the browser proof: a marketer signs in on the reports overview, finds the lead a visitor has just left
/// among sixty others (pager, search), reads its timeline, locks its stage with a reason, notes a call, and exports the
/// list to CSV.
/// </summary>
[Collection(ReadmeSiteCollection.Name)]
public sealed class MarketerJourneyTests(ReadmeSiteFixture site)
{
    private const string VisitorEmail = "grace.marketer-journey@example.com";

    [Fact]
    public async Task A_marketer_lands_on_the_overview_pages_through_leads_locks_a_stage_notes_a_call_and_exports_the_list()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var clocked = await ClockedSite.StartAsync(site.Browser, time);
        var seeded = await SeedLeadsAsync(clocked.Site, time.GetUtcNow(), 60);
        time.Advance(TimeSpan.FromHours(1));

        // A visitor leaves a lead through the benchmark's form.
        var visitor = await clocked.NewPageAsync("en-GB", 1366);
        await visitor.GotoAsync("/en");
        await visitor.Locator("[data-slot=consent-banner] button[value=true]").ClickAsync();
        await visitor.Locator("[data-slot=consent-saved]").WaitForAsync();
        await visitor.GotoAsync("/en/marketing-automation-platforms-compared-2026");
        await visitor.Locator("#gf-email").FillAsync(VisitorEmail);
        if (await visitor.Locator("#gf-company").CountAsync() > 0)
        {
            await visitor.Locator("#gf-company").FillAsync("Hopper Analytics");
        }

        await visitor.Locator("#gf-consent").CheckAsync();
        await visitor.Locator("form.lead-form button[type=submit]").ClickAsync();
        await visitor.WaitForURLAsync("**/journey/thank-you?t=*");

        // The marketer signs in and lands on the overview, not on a page the role may not open.
        const string marketerEmail = "marketer.journey@example.com";
        var password = await BackOfficeClient.CreateAccountAsync(clocked.Site, marketerEmail, JourneyRoles.Marketer);
        var page = await clocked.NewPageAsync("en-GB", 1366);
        await page.GotoAsync("/journey/admin");
        await page.Locator("input[name=Email]").FillAsync(marketerEmail);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/reports**");
        Assert.Equal(seeded + 1, Number(await page.Locator("#new-leads").InnerTextAsync()));
        Assert.True(await page.Locator("#overview-funnel").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-marketer-1-overview"), FullPage = true });

        // The new lead counts at its stage in the funnel: the seeded leads of that stage and this one.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the report: Funnel" }).ClickAsync();
        await page.WaitForURLAsync("**/journey/admin/reports/funnel**");
        var seededAtConsideration = Enumerable.Range(0, seeded).Count(i => i % 4 == 1);
        Assert.Equal(seededAtConsideration + 1, Number(await page.Locator("#report-table tr[data-stage=consideration] td").Nth(1).InnerTextAsync()));
        Assert.Equal("leads", await page.Locator("#report-table thead th").Nth(2).GetAttributeAsync("data-column"));

        // Sixty-one leads: fifty on the first page, the visitor's newest first, the rest one page further.
        await page.Locator("nav a[href$='/journey/admin/leads']").First.ClickAsync();
        await page.Locator("#leads").WaitForAsync();
        Assert.Equal(50, await page.Locator("#leads tbody tr").CountAsync());
        Assert.Equal(VisitorEmail, await page.Locator("#leads tbody tr td a").First.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-marketer-2-leads"), FullPage = true });
        await page.Locator("a[rel=next]").ClickAsync();
        await page.WaitForURLAsync("**page=2**");
        Assert.Equal(seeded + 1 - 50, await page.Locator("#leads tbody tr").CountAsync());
        Assert.Contains("51", await page.Locator("#leads-total").InnerTextAsync(), StringComparison.Ordinal);

        // The visitor's lead, found by search: its timeline holds the benchmark it took.
        await page.Locator("#q").FillAsync("grace.marketer");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForURLAsync("**q=grace.marketer**");
        Assert.Equal(1, await page.Locator("#leads tbody tr").CountAsync());
        var export = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='format=csv']").ClickAsync());
        var csv = await File.ReadAllTextAsync(await export.PathAsync());
        await page.Locator("#leads tbody tr td a").First.ClickAsync();
        await page.Locator("#lead-timeline").WaitForAsync();
        Assert.Contains("2026", await page.Locator("#lead-timeline").InnerTextAsync(), StringComparison.Ordinal);

        // Locks the stage after a phone call, and notes it.
        await page.Locator("#lock-stage").SelectOptionAsync("decision");
        await page.Locator("#lock-duration").SelectOptionAsync("30");
        await page.Locator("#lock-reason").FillAsync("Asked for a quote by phone");
        await page.Locator("#stage-lock-form button[type=submit]").ClickAsync();
        await page.Locator("#stage-lock").WaitForAsync();
        Assert.Equal("decision", await page.Locator("#stage-lock").GetAttributeAsync("data-stage"));
        Assert.Equal("decision", await page.Locator("#lead-stage").GetAttributeAsync("data-stage"));
        Assert.DoesNotContain("probability", await page.Locator("#lead-stage").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        var history = await page.Locator("#stage-lock-history").InnerTextAsync();
        Assert.Contains("locked in Decision until", history, StringComparison.Ordinal);
        Assert.Contains("Reason: Asked for a quote by phone", history, StringComparison.Ordinal);
        Assert.DoesNotContain("set_by=", history, StringComparison.Ordinal);
        await page.Locator("#note-text").FillAsync("Called back: wants the enterprise plan.");
        await page.Locator("#note-form button[type=submit]").ClickAsync();
        await page.Locator("#lead-notes").WaitForAsync();
        Assert.Contains("wants the enterprise plan", await page.Locator("#lead-notes").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = ReadmeSiteFixture.ScreenshotPath("journey-marketer-3-lead"), FullPage = true });

        // The export holds the searched lead alone, under a header line.
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("email", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(VisitorEmail, lines[1], StringComparison.Ordinal);
    }

    private static async Task<int> SeedLeadsAsync(DemoSite site, DateTimeOffset now, int count)
    {
        var leads = site.Services.GetRequiredService<ILeadStore>();
        var gated = site.Content.Items.Where(i => i.IsGated).Select(i => i.Id).ToList();
        string[] stages = ["awareness", "consideration", "decision", "loyalty"];
        string?[] sources = ["linkedin", "newsletter", null];
        for (var i = 0; i < count; i++)
        {
            await leads.CaptureAsync(
                new LeadCapture
                {
                    Email = string.Create(CultureInfo.InvariantCulture, $"seeded{i:00}@example.org"),
                    Language = i % 3 == 0 ? "fr" : "en",
                    ContentId = gated[i % gated.Count],
                    Stage = stages[i % stages.Length],
                    Source = new LeadSource { UtmSource = sources[i % sources.Length] },
                    At = now.AddHours(-i),
                },
                CancellationToken.None);
        }

        return count;
    }

    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
