using System.Globalization;
using System.Text.Json;
using JourneyContent.Umbraco.BackOffice;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyContent.Umbraco.Tests.BrowserClient;

/// <summary>
/// journey-leads-dashboard in chromium against the package's real leads API, the leads captured through the module's
/// real lead store; and the manifest condition that hides the dashboards from users outside their groups. Each test
/// captures its own leads under a company name of its own and searches for it, so the tests do not see each other's.
/// </summary>
public sealed partial class BackOfficeClientBrowserTests
{
    private const string Leads = "journey-leads-dashboard";

    [Fact(Timeout = 30_000)]
    public async Task Leads_dashboard_lists_the_captured_leads_and_filters_them_by_stage()
    {
        var company = Unique("filterworks");
        await fixture.AddLeadAsync($"ada@{company}.example", "consideration", company);
        await fixture.AddLeadAsync($"grace@{company}.example", "consideration", company, "Grace", "Hopper");
        await fixture.AddLeadAsync($"linus@{company}.example", "decision", company, "Linus", "Torvalds");
        var page = await fixture.OpenAsync(Leads, "en", fixture.Site.AddUser(["content"], ["editor"]));

        await SearchAsync(page, company);

        var rows = page.Locator($"{Leads} tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator($"{Leads} p.total")).ToHaveTextAsync("3 lead(s).");
        await Expect(page.Locator($"{Leads} thead th")).ToHaveTextAsync(["Email", "Name", "Company", "Stage", "Captured", "Last activity"]);
        await Expect(rows.Filter(new() { HasText = $"grace@{company}.example" }).Locator("td").Nth(1)).ToHaveTextAsync("Grace Hopper");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToBeVisibleAsync();
        await Screenshot(page, "umbraco-leads-list");

        await page.Locator($"{Leads} #journey-leads-stage select").SelectOptionAsync("decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();

        await Expect(page.Locator($"{Leads} p.total")).ToHaveTextAsync("1 lead(s).");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td").First).ToHaveTextAsync($"linus@{company}.example");
        await Expect(rows.Locator("td").Nth(3)).ToHaveTextAsync("Decision");
        await Expect(page.Locator($"{Leads} [role=alert]")).ToHaveCountAsync(0);

        // The CSV is fetched with the user's token and saved from memory, with the list's search and stage applied.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("journeycontent-leads.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"linus@{company}.example", csv, StringComparison.Ordinal);
        Assert.DoesNotContain($"grace@{company}.example", csv, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Leads_dashboard_shows_fifty_leads_a_page_and_pages_through_the_rest()
    {
        var company = Unique("pageworks");
        for (var i = 0; i < 51; i++)
        {
            await fixture.AddLeadAsync($"lead{i:00}@{company}.example", "awareness", company, "Lead", i.ToString("00", CultureInfo.InvariantCulture));
        }

        var page = await fixture.OpenAsync(Leads, "en", fixture.Site.AddUser(["content"], ["editor"]));
        await SearchAsync(page, company);

        var rows = page.Locator($"{Leads} tbody tr");
        await Expect(page.Locator($"{Leads} p.total")).ToHaveTextAsync("51 lead(s).");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator($"{Leads} nav.pager")).ToContainTextAsync("Page 1 of 2");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();
        var first = await rows.Locator("td:first-child").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        await Expect(page.Locator($"{Leads} nav.pager")).ToContainTextAsync("Page 2 of 2");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        var last = (await rows.Locator("td:first-child").TextContentAsync())!.Trim();
        Assert.DoesNotContain(last, first.Select(t => t.Trim()));
        Assert.Equal(51, first.Select(t => t.Trim()).Append(last).Distinct().Count());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Leads_dashboard_speaks_french_to_a_french_user()
    {
        var company = Unique("frenchworks");
        var lead = await fixture.AddLeadAsync($"zoe@{company}.example", "decision", company, "Zoé", "Martin");
        var page = await fixture.OpenAsync(Leads, "fr", fixture.Site.AddUser(["content"], ["editor"]));

        await SearchAsync(page, company, "Afficher");

        await Expect(page.Locator($"{Leads} p.total")).ToHaveTextAsync("1 contact(s).");
        await Expect(page.Locator($"{Leads} thead th")).ToHaveTextAsync(["E-mail", "Nom", "Entreprise", "Étape", "Capté le", "Dernière activité"]);
        await Expect(page.Locator($"{Leads} tbody tr td").Nth(3)).ToHaveTextAsync("Décision");
        await page.GetByRole(AriaRole.Button, new() { Name = lead.Email! }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chronologie" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verrouillage de l'étape" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verrouiller l'étape" })).ToBeVisibleAsync();
        await Expect(page.Locator($"{Leads} ol.timeline li[data-kind=stage]").First).ToContainTextAsync("→ Décision");
        await Screenshot(page, "umbraco-leads-lead-fr");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Lead_page_shows_the_timeline_and_sets_a_stage_lock_and_a_past_date_is_an_error_on_its_field()
    {
        var company = Unique("lockworks");
        var lead = await fixture.AddLeadAsync($"mia@{company}.example", "consideration", company, "Mia", "Wong", visits: true);
        var page = await OpenLeadAsync(fixture.Site.AddUser(["content"], ["editor"]), company, lead.Email!);

        await Expect(page.Locator($"{Leads} h2#journey-lead-title")).ToHaveTextAsync("Mia Wong");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" })).ToBeVisibleAsync();
        var timeline = page.Locator($"{Leads} ol.timeline li");
        var entries = page.Locator($"{Leads} ol.timeline");
        await Expect(timeline.First).ToHaveAttributeAsync("data-kind", "view");
        await Expect(timeline.First).ToContainTextAsync("view: Benchmark of the market's solutions");
        await Expect(entries.Locator("li[data-kind=engaged]")).ToContainTextAsync("engaged: Comparing pricing plans");
        await Expect(entries.Locator("li[data-kind=stage]").First).ToContainTextAsync("→ Consideration");
        await Expect(page.Locator($"{Leads} dd[data-field=company]")).ToHaveTextAsync(company);
        await Expect(page.Locator($"{Leads} dd[data-field=leadSource]")).ToContainTextAsync("newsletter / spring");
        await Expect(page.Locator($"{Leads} .lock-active")).ToHaveCountAsync(0);
        // Three reads two days ago leave inference below its threshold: no stage yet, as the standalone page says.
        await Expect(page.GetByText("Nothing is known yet about this lead's journey.")).ToBeVisibleAsync();

        // A lock ending yesterday: the server refuses it, the message sits under the date, which takes the focus.
        await page.Locator($"{Leads} #journey-lock-duration select").SelectOptionAsync("date");
        var until = page.Locator($"{Leads} #journey-lock-until input");
        // A day long past on any clock: the lock must end in the future.
        await until.FillAsync("2020-01-01");
        await until.BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the stage" }).ClickAsync();

        await Expect(page.Locator($"{Leads} #journey-lock-until-error")).ToHaveTextAsync("The lock must end in the future.");
        await Expect(page.Locator($"{Leads} [role=alert]")).ToHaveTextAsync("The lock was not set: correct the fields below.");
        await Expect(until).ToBeFocusedAsync();
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshot(page, "umbraco-leads-lock-error");

        await page.Locator($"{Leads} #journey-lock-stage select").SelectOptionAsync("decision");
        await page.Locator($"{Leads} #journey-lock-duration select").SelectOptionAsync("30");
        var reason = page.Locator($"{Leads} #journey-lock-reason input");
        await reason.FillAsync("Sales call booked");
        await reason.BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the stage" }).ClickAsync();

        await Expect(page.Locator($"{Leads} .lock-active")).ToContainTextAsync("Locked in Decision until");
        await Expect(page.Locator($"{Leads} .lock-active")).ToContainTextAsync("Reason: Sales call booked");
        await Expect(page.Locator($"{Leads} [role=status]").Last).ToContainTextAsync("The stage is locked until");
        await Expect(page.Locator($"{Leads} .field-error")).ToHaveCountAsync(0);
        await Expect(page.Locator($"{Leads} ul.lock-history li[data-action=stage_lock]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"{Leads} ul.lock-history li[data-action=stage_lock]")).ToContainTextAsync("locked in Decision until");
        await Expect(page.Locator($"{Leads} ul.lock-history li[data-action=stage_lock]")).ToContainTextAsync("Reason: Sales call booked");
        await Expect(page.Locator($"{Leads} ul.lock-history code")).ToHaveCountAsync(0);
        // The page is read again: the estimate is now the lock's, with the probabilities and what moved them.
        await Expect(page.Locator($"{Leads} p.belief")).ToContainTextAsync("Current stage: Decision (locked by a marketer). What the visits alone suggest:");
        await Expect(page.Locator($"{Leads} table.probabilities tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator($"{Leads} ul.why li").First).ToContainTextAsync("view: Benchmark of the market's solutions made");
        using (var dossier = await LeadJsonAsync(fixture.Site.AddUser(["content"], ["editor"]), lead.Id))
        {
            Assert.Equal("decision", dossier.RootElement.GetProperty("lock").GetProperty("stage").GetString());
            Assert.Equal("Sales call booked", dossier.RootElement.GetProperty("lock").GetProperty("reason").GetString());
        }

        await Screenshot(page, "umbraco-leads-lead");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the lock" }).ClickAsync();

        await Expect(page.Locator($"{Leads} [role=status]").Last).ToHaveTextAsync("The lock was removed: inference decides the stage again.");
        await Expect(page.Locator($"{Leads} .lock-active")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_marketer_outside_the_privacy_groups_sees_no_export_or_erase()
    {
        var company = Unique("quietworks");
        var lead = await fixture.AddLeadAsync($"noor@{company}.example", "awareness", company, "Noor", "Haddad");
        var page = await OpenLeadAsync(fixture.Site.AddUser(["content"], ["editor"]), company, lead.Email!);

        // The answer of GET /me is in: the page below is drawn knowing the user is not in the privacy groups.
        await Expect(page.Locator($"{Leads} article[data-permissions=known]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage lock" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacy" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export everything (JSON)" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase…" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_admin_erases_a_lead_only_after_ticking_the_confirmation()
    {
        var company = Unique("erasureworks");
        var lead = await fixture.AddLeadAsync($"erin@{company}.example", "consideration", company, "Erin", "Doe");
        var admin = fixture.Site.AddUser(["content", "settings"], ["admin"]);
        var page = await OpenLeadAsync(admin, company, lead.Email!);

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export everything (JSON)" }).ClickAsync());
        Assert.Equal($"lead-{lead.Id}.json", export.SuggestedFilename);
        Assert.Contains($"erin@{company}.example", await File.ReadAllTextAsync(await export.PathAsync()), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase…" }).ClickAsync();
        await Expect(page.Locator($"{Leads} #journey-erase-confirm input")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase this lead" }).ClickAsync();

        await Expect(page.Locator($"{Leads} .erase [role=alert]")).ToHaveTextAsync("Nothing erased: tick the confirmation box.");
        using (var kept = await LeadJsonAsync(admin, lead.Id))
        {
            Assert.False(kept.RootElement.GetProperty("lead").GetProperty("erased").GetBoolean());
        }

        await page.Locator($"{Leads} #journey-erase-confirm input").CheckAsync();
        await Screenshot(page, "umbraco-leads-erase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase this lead" }).ClickAsync();

        await Expect(page.Locator($"{Leads} p.message[role=status]")).ToHaveTextAsync($"The lead erin@{company}.example was erased.");
        // Back on the list, searched as before: the company was erased with the rest of the contact details.
        await Expect(page.Locator($"{Leads} p.total")).ToHaveTextAsync("0 lead(s).");
        using var erased = await LeadJsonAsync(admin, lead.Id);
        Assert.True(erased.RootElement.GetProperty("lead").GetProperty("erased").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_401_brings_up_the_sign_in_dialog_and_the_list_comes_once_signed_in_again()
    {
        var company = Unique("sessionworks");
        await fixture.AddLeadAsync($"sam@{company}.example", "decision", company, "Sam", "Lee");
        var page = await fixture.OpenAsync(Leads, "en", fixture.Site.AddUser(["content"], ["editor"]));
        await Expect(page.Locator($"{Leads} p.total")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Session expired" })).ToHaveCountAsync(0);

        await page.EvaluateAsync("() => window.harness.expireSession()");
        await SearchAsync(page, company);

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Session expired" });
        await Expect(dialog).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.harness.timeOuts"));
        Assert.Contains(await ResponsesAsync(page), r => r.Path.EndsWith("/leads", StringComparison.Ordinal) && r.Status == 401);
        await Expect(page.Locator($"{Leads} [role=alert]")).ToHaveCountAsync(0);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sign in again" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator($"{Leads} tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator($"{Leads} tbody tr td").First).ToHaveTextAsync($"sam@{company}.example");
        Assert.Equal(200, (await ResponsesAsync(page)).Last(r => r.Path.EndsWith("/leads", StringComparison.Ordinal)).Status);
        await page.Context.CloseAsync();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("writer", new string[0])]
    [InlineData("editor", new[] { "Journey", "Leads" })]
    [InlineData("admin", new[] { "Journey", "Leads" })]
    public async Task The_permission_condition_shows_the_journey_dashboards_only_to_their_groups(string group, string[] dashboards)
    {
        var page = await fixture.OpenAsync("content-dashboards", "en", fixture.Site.AddUser(["content"], [group]));

        // Every condition has answered (a condition only calls onChange on a change, so "hidden" alone proves nothing).
        await page.WaitForFunctionAsync("() => window.harness.conditionAnswers.length === window.harness.conditionsCreated && window.harness.conditionsCreated === 2");

        await Expect(page.Locator("nav[aria-label=Dashboards] button")).ToHaveTextAsync(dashboards);
        var me = (await ResponsesAsync(page)).Where(r => r.Path.EndsWith("/me", StringComparison.Ordinal)).ToList();
        Assert.Equal(200, Assert.Single(me).Status);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenLeadAsync(Guid user, string company, string email)
    {
        var page = await fixture.OpenAsync(Leads, "en", user);
        await SearchAsync(page, company);
        await page.GetByRole(AriaRole.Button, new() { Name = email }).ClickAsync();
        await Expect(page.Locator($"{Leads} h2#journey-lead-title")).ToBeFocusedAsync();
        return page;
    }

    private static async Task SearchAsync(IPage page, string text, string show = "Show")
    {
        var search = page.Locator($"{Leads} #journey-leads-search input");
        await search.FillAsync(text);
        await search.BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = show, Exact = true }).ClickAsync();
    }

    private async Task<JsonDocument> LeadJsonAsync(Guid user, string id)
    {
        using var client = Client(user);
        return JsonDocument.Parse(await client.GetStringAsync($"{BackOfficeApi.Prefix}/leads/{id}"));
    }

    private static async Task<List<(string Method, string Path, int Status)>> ResponsesAsync(IPage page)
    {
        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.harness.responses)"));
        return [.. json.RootElement.EnumerateArray().Select(r => (r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!, r.GetProperty("status").GetInt32()))];
    }

    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..8];
}
