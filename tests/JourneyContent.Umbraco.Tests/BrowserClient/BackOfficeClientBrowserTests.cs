using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyContent.Umbraco.Tests.BrowserClient;

/// <summary>
/// The package's built back-office bundle (journey-stage-picker, journey-reports-dashboard, journey-leads-dashboard in
/// LeadsDashboardBrowserTests.cs, the permission condition) in chromium, against the
/// package's real Management API endpoints. Umbraco's own back-office modules are stand-ins (see harness/): this checks
/// our elements and our API together, not Umbraco's back office around them.
/// </summary>
public sealed partial class BackOfficeClientBrowserTests(BrowserClientFixture fixture) : IClassFixture<BrowserClientFixture>
{
    private const string Picker = "journey-stage-picker";
    private const string Dashboard = "journey-reports-dashboard";

    [Fact(Timeout = 5_000)]
    public async Task Harness_stands_in_for_every_back_office_module_the_bundle_imports()
    {
        // The elements' module, the condition's module and the chunk they share.
        var files = Directory.GetFiles(ClientHarness.BundleFolder, "*.js");
        Assert.Contains(files, f => Path.GetFileName(f) == "journey-content.js");
        Assert.Contains(files, f => Path.GetFileName(f) == "permission-condition.js");
        var bundle = string.Concat(await Task.WhenAll(files.Select(f => File.ReadAllTextAsync(f))));

        var imported = BackOfficeImport().Matches(bundle).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(ClientHarness.StandIns.Keys.Order(StringComparer.Ordinal), imported);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stage_picker_shows_the_five_stages_with_their_colours_and_french_labels()
    {
        var user = fixture.Site.AddUser(["content"], ["writer"]);
        var stages = await StagesAsync(user);
        var page = await fixture.OpenAsync(Picker, "fr", user);

        var choices = page.Locator($"{Picker} label.chip:not(.none)");
        await Expect(choices).ToHaveCountAsync(5);
        await Expect(choices.First).ToHaveTextAsync("Découverte");
        for (var i = 0; i < stages.Count; i++)
        {
            var choice = choices.Nth(i);
            await Expect(choice).ToHaveTextAsync(stages[i].French);
            await Expect(choice.Locator("input[type=radio]")).ToHaveValueAsync(stages[i].Key);
            var swatch = await choice.Locator(".swatch").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.Equal(Rgb(stages[i].Color), swatch);
        }

        await Expect(page.Locator($"{Picker} label.chip.none")).ToHaveTextAsync("Aucune");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Suggérer" })).ToBeVisibleAsync();
        await Screenshot(page, "umbraco-stage-picker-fr");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Choosing_a_stage_sets_the_value_and_raises_a_change_event()
    {
        var page = await fixture.OpenAsync(Picker, "en", fixture.Site.AddUser(["content"], ["writer"]));

        await page.Locator($"{Picker} label.chip", new() { HasText = "Consideration" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Consideration" })).ToBeCheckedAsync();
        Assert.Equal("consideration", await ValueAsync(page));
        var change = Assert.Single(await ChangesAsync(page));
        Assert.Equal("change", change.GetProperty("type").GetString());
        Assert.True(change.GetProperty("umbChangeEvent").GetBoolean());
        Assert.Equal("consideration", change.GetProperty("value").GetString());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Suggest_asks_the_server_and_applying_the_suggestion_sets_the_stage()
    {
        var page = await fixture.OpenAsync(Picker, "en", fixture.Site.AddUser(["content"], ["writer"]), name: "Comparing pricing plans: a benchmark");

        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest" }).ClickAsync();

        var suggestion = page.Locator($"{Picker} .suggestion");
        await Expect(suggestion).ToContainTextAsync("Suggested: Consideration — words:");
        // Too few tagged items to say how often a suggestion is right: the classifier's own near-certainty is not shown.
        await Expect(suggestion).Not.ToContainTextAsync("%");
        Assert.Null(await ValueAsync(page));
        await Screenshot(page, "umbraco-stage-suggestion-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(suggestion).ToContainTextAsync("The suggested stage is selected.");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Consideration" })).ToBeCheckedAsync();
        Assert.Equal("consideration", await ValueAsync(page));
        Assert.Single(await ChangesAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Reports_dashboard_shows_the_funnel_table_and_chart_from_the_server()
    {
        var admin = fixture.Site.AddUser(["content", "settings"], ["admin"]);
        var visitors = await FunnelVisitorsAsync(admin);
        var page = await fixture.OpenAsync(Dashboard, "en", admin);

        var rows = page.Locator($"{Dashboard} table tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.Locator($"{Dashboard} caption")).ToHaveTextAsync("Funnel");
        await Expect(page.Locator($"{Dashboard} thead th").First).ToHaveTextAsync("Stage");
        await Expect(page.Locator($"{Dashboard} thead th").Nth(1)).ToHaveTextAsync("Visitors now");
        await Expect(rows.Locator("td:first-child")).ToHaveTextAsync(["Awareness", "Consideration", "Decision", "Loyalty", "Advocacy"]);
        await Expect(rows.Locator("td:nth-child(2)")).ToHaveTextAsync([.. visitors.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        Assert.Contains(visitors, v => v > 0);

        var chart = page.Locator($"{Dashboard} figure.chart");
        await Expect(chart).ToHaveAttributeAsync("role", "img");
        await Expect(chart).ToHaveAttributeAsync("aria-label", "Funnel: Visitors by current stage");
        await Expect(chart.Locator(".bar-row")).ToHaveCountAsync(5);
        await Expect(page.Locator($"{Dashboard} [role=alert]")).ToHaveCountAsync(0);
        await Screenshot(page, "umbraco-reports-dashboard");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Reports_dashboard_has_a_tab_per_catalogue_report_and_draws_any_of_them_in_french()
    {
        var page = await fixture.OpenAsync(Dashboard, "fr", fixture.Site.AddUser(["content", "settings"], ["admin"]));

        var tabs = page.Locator($"{Dashboard} uui-tab");
        await Expect(tabs).ToHaveCountAsync(JourneyContent.Reports.Catalog.ReportCatalog.Default.Reports.Count);
        await Expect(tabs.First).ToHaveTextAsync("Entonnoir");
        await page.Locator($"{Dashboard} uui-tab[data-report=coverage]").ClickAsync();

        await Expect(page.Locator($"{Dashboard} caption")).ToHaveTextAsync("Couverture");
        await Expect(page.Locator($"{Dashboard} thead th").First).ToHaveTextAsync("Étape");
        await Expect(page.Locator($"{Dashboard} thead th[data-column=visitors_now]")).ToHaveTextAsync("Visiteurs actuels");
        await Expect(page.Locator($"{Dashboard} table tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator($"{Dashboard} [role=alert]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_writer_sees_that_reports_are_not_for_them()
    {
        var page = await fixture.OpenAsync(Dashboard, "en", fixture.Site.AddUser(["content"], ["writer"]));

        await Expect(page.Locator($"{Dashboard} p.error[role=alert]")).ToHaveTextAsync("Your user groups may not use this part of Journey.");
        await Expect(page.Locator($"{Dashboard} table")).ToHaveCountAsync(0);
        await Expect(page.Locator($"{Dashboard} figure.chart")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>The harness's element with a margin of the page around it.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var box = await page.Locator("#host").BoundingBoxAsync() ?? throw new InvalidOperationException("The harness host is not laid out.");
        await page.ScreenshotAsync(new()
        {
            Path = BrowserClientFixture.ScreenshotPath(name),
            // The whole element, also where it is taller than the window (a lead's page).
            FullPage = true,
            Clip = new() { X = 0, Y = 0, Width = box.X + box.Width + 24, Height = box.Y + box.Height + 24 },
        });
    }

    private static async Task<string?> ValueAsync(IPage page) =>
        await page.EvaluateAsync<string?>($"() => document.querySelector('{Picker}').value ?? null");

    private static async Task<List<JsonElement>> ChangesAsync(IPage page)
    {
        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.harness.changes)"));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private async Task<List<(string Key, string Color, string French)>> StagesAsync(Guid user)
    {
        using var client = Client(user);
        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/stages"));
        return [.. json.RootElement.GetProperty("stages").EnumerateArray()
            .Select(s => (s.GetProperty("key").GetString()!, s.GetProperty("color").GetString()!, s.GetProperty("label").GetProperty("fr").GetString()!))];
    }

    private async Task<List<double>> FunnelVisitorsAsync(Guid user)
    {
        using var client = Client(user);
        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports/funnel"));
        Assert.Equal("visitors", json.RootElement.GetProperty("headers")[1].GetString());
        return [.. json.RootElement.GetProperty("rows").EnumerateArray().Select(row => row[1].GetDouble())];
    }

    private HttpClient Client(Guid user)
    {
        var client = fixture.Site.Client();
        client.DefaultRequestHeaders.Add(UmbracoSite.UserHeader, user.ToString());
        return client;
    }

    /// <summary>#1d4ed8 as the browser computes it: rgb(29, 78, 216).</summary>
    private static string Rgb(string hex)
    {
        var value = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"rgb({(value >> 16) & 0xff}, {(value >> 8) & 0xff}, {value & 0xff})";
    }

    [GeneratedRegex("""(?:\bfrom|\bimport)\s*\(?\s*["'](@umbraco-cms/[^"']+)["']""")]
    private static partial Regex BackOfficeImport();
}
