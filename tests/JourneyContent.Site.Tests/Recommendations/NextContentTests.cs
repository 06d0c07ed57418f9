using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyContent.Journeys;
using JourneyContent.Testing;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Recommendations;

/// <summary>Next content and calls to action on the demo site, through its pages and its JSON API.</summary>
public sealed partial class NextContentTests
{
    [Fact]
    public async Task A_visitor_whose_first_page_after_consent_is_the_home_page_gets_it_with_its_next_block()
    {
        // The home page's next block records an impression of its offer: for a new visitor that is the first event, and
        // an impression is no evidence of a stage.
        using var site = new DemoSite();
        using var visitor = await ConsentedVisitor(site);

        using var home = await visitor.GetAsync(new Uri("/en", UriKind.Relative));
        using var again = await visitor.GetAsync(new Uri("/en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("class=\"journey-next\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consideration_visitor_gets_consideration_items_plus_one_decision_item_and_nothing_already_read()
    {
        using var site = new DemoSite();
        using var visitor = await ConsentedVisitor(site);
        // The demo has five consideration items per language; after two are read, two remain for the list and one for the offer.
        var read = new[] { "/en/nordlys-logistics-shortened-its-sales-cycle", "/en/atelier-berthe-doubled-qualified-leads" };
        foreach (var url in read)
        {
            (await visitor.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var next = await Next(visitor, read[^1]);

        Assert.Equal("consideration", next.GetProperty("stage").GetString());
        Assert.True(next.GetProperty("personalised").GetBoolean());
        var items = next.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(["consideration", "consideration", "decision"], items.Select(i => i.GetProperty("chosenFor").GetString()));
        Assert.All(items.Take(2), i => Assert.Contains("consideration", AllStageKeys(site.Content.FindByUrl(i.GetProperty("url").GetString())!)));
        Assert.DoesNotContain(items, i => read.Contains(i.GetProperty("url").GetString()));
        Assert.Equal("next-stage", items[^1].GetProperty("reason").GetString());
        Assert.Contains(next.GetProperty("cta").GetProperty("kind").GetString(), new[] { "comparison-benchmark", "webinar" });
    }

    [Fact]
    public async Task The_page_language_is_respected()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();

        var next = await Next(visitor, "/fr/nordlys-logistics-raccourcit-son-cycle-de-vente");

        Assert.NotEmpty(next.GetProperty("items").EnumerateArray());
        Assert.All(next.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("/fr/", i.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.StartsWith("/fr/", next.GetProperty("cta").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("«\u00a0", next.GetProperty("items")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trial_offer_is_hidden_from_awareness_visitors_and_shown_to_decision_visitors()
    {
        using var site = new DemoSite();
        using var awareness = await ConsentedVisitor(site);
        using var decision = await ConsentedVisitor(site);
        (await awareness.GetAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative))).EnsureSuccessStatusCode();
        using var declared = await decision.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" });
        Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);

        var pages = site.Content.InLanguage("en").Where(i => !i.IsUntagged && i.Kind != "trial-cta").Select(i => i.Url).ToList();
        foreach (var page in pages)
        {
            var awarenessCta = (await Next(awareness, page)).GetProperty("cta");
            Assert.NotEqual("trial-cta", awarenessCta.GetProperty("kind").GetString());
            Assert.Equal("awareness", awarenessCta.GetProperty("stage").GetString());
        }

        var html = await decision.GetStringAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative));
        Assert.Matches("<aside class=\"journey-cta\"[^>]*data-kind=\"trial-cta\"", html);
        Assert.Contains("data-journey-cta=\"/en/start-your-free-trial\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_the_page_shows_related_content_of_its_own_stage_and_records_nothing()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();

        var html = await visitor.GetStringAsync(new Uri("/en/pricing", UriKind.Relative));

        var block = NextBlock().Match(html);
        Assert.True(block.Success, "The page has a next-for-you block.");
        Assert.Contains("data-journey-stage=\"decision\"", block.Value, StringComparison.Ordinal);
        Assert.Contains("data-personalised=\"false\"", block.Value, StringComparison.Ordinal);
        // The editor pinned the trial after pricing; it is the page's offer too, so the demo request is the pinned item listed.
        Assert.Contains("href=\"/en/book-a-demo\"", block.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("journey-why", html, StringComparison.Ordinal);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Fact]
    public async Task Impressions_of_the_call_to_action_are_stored_as_events_once_per_visit()
    {
        using var site = new DemoSite();
        using var visitor = await ConsentedVisitor(site);

        (await visitor.GetAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative))).EnsureSuccessStatusCode();
        (await visitor.GetAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative))).EnsureSuccessStatusCode();
        using var click = await visitor.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "cta_click", path = "/en/newsletter-the-pipeline-letter" });

        Assert.Equal(HttpStatusCode.Accepted, click.StatusCode);
        // A reload within the visit is the same impression: two views, one impression.
        Assert.Equal(4, await site.StoredEventsAsync());
        var types = await EventTypes(site);
        Assert.Equal(["cta_click", "cta_impression", "view", "view"], types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_gated_asset_already_downloaded_is_not_offered_again()
    {
        using var site = new DemoSite();
        using var visitor = await ConsentedVisitor(site);
        (await visitor.GetAsync(new Uri("/en/nordlys-logistics-shortened-its-sales-cycle", UriKind.Relative))).EnsureSuccessStatusCode();
        var id = await VisitorId(site);
        var tracker = site.Services.GetRequiredService<JourneyTracker>();
        await tracker.RecordAsync(id, DateTimeOffset.UtcNow, JourneyContent.Tracking.JourneyEventType.Download, "en/marketing-automation-platforms-compared-2026");

        var cta = (await Next(visitor, "/en/nordlys-logistics-shortened-its-sales-cycle")).GetProperty("cta");

        Assert.NotEqual("/en/marketing-automation-platforms-compared-2026", cta.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Editors_preview_a_stage_see_why_items_were_chosen_and_leave_no_trace()
    {
        using var site = new DemoSite();
        var password = await BackOfficeClient.CreateAccountAsync(site, "editor@example.com", "editor");
        using var editor = BackOfficeClient.Create(site);
        await editor.SignInAsync("editor@example.com", password);
        var token = await editor.TokenFromAsync("/journey/admin/coverage");

        using var on = await editor.PostAsync("/journey/admin/preview", token, new() { ["stage"] = "decision", ["returnUrl"] = "/en/what-is-the-buyers-journey" });
        var html = await editor.Http.GetStringAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative));
        using var off = await editor.PostAsync("/journey/admin/preview", token, new() { ["stage"] = "", ["returnUrl"] = "/en" });
        var after = await editor.Http.GetStringAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/en/what-is-the-buyers-journey", on.Headers.Location?.OriginalString);
        Assert.Contains("class=\"preview-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("data-journey-stage=\"decision\"", NextBlock().Match(html).Value, StringComparison.Ordinal);
        Assert.Matches("<aside class=\"journey-cta\"[^>]*data-stage=\"decision\"", html);
        Assert.Contains("class=\"journey-why\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"preview-banner\"", after, StringComparison.Ordinal);
        Assert.Contains("data-journey-stage=\"awareness\"", NextBlock().Match(after).Value, StringComparison.Ordinal);
        Assert.Equal(0, await site.StoredEventsAsync());
    }

    [Fact]
    public async Task A_forged_preview_cookie_does_nothing_for_a_visitor()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();
        visitor.DefaultRequestHeaders.Add("Cookie", "journey-preview-stage=decision");

        var html = await visitor.GetStringAsync(new Uri("/en/what-is-the-buyers-journey", UriKind.Relative));

        Assert.DoesNotContain("preview-banner", html, StringComparison.Ordinal);
        Assert.Contains("data-journey-stage=\"awareness\"", NextBlock().Match(html).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.BadRequest)]
    [InlineData("https://evil.example/en/pricing", HttpStatusCode.BadRequest)]
    [InlineData("/en/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/en/content-scoring-a-primer", HttpStatusCode.NotFound)]
    public async Task The_api_answers_bad_paths_clearly(string? path, HttpStatusCode expected)
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();

        using var response = await visitor.GetAsync(new Uri("/api/journey/next" + (path is null ? "" : "?path=" + Uri.EscapeDataString(path)), UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Personalisation_can_be_turned_off()
    {
        using var site = new DemoSite().With("JourneyContent:Recommendations:Enabled", "false");
        using var visitor = site.CreateClient();

        var html = await visitor.GetStringAsync(new Uri("/en/pricing", UriKind.Relative));

        Assert.DoesNotContain("journey-next", html, StringComparison.Ordinal);
        Assert.DoesNotContain("journey-cta", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_recommendation_settings_stop_the_start_with_the_key_named()
    {
        using var site = new DemoSite().With("JourneyContent:Recommendations:Count", "0");

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("JourneyContent:Recommendations:Count", error.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string?> AllStageKeys(JourneyContent.Content.ContentItem item) =>
        [item.Stage, .. item.SecondaryStages.Select(s => s.Stage)];

    private static async Task<HttpClient> ConsentedVisitor(DemoSite site)
    {
        var visitor = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var response = await visitor.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return visitor;
    }

    private static async Task<JsonElement> Next(HttpClient visitor, string path) =>
        await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/next?path=" + Uri.EscapeDataString(path), UriKind.Relative));

    private static async Task<string> VisitorId(DemoSite site)
    {
        await site.StoredEventsAsync();
        using var connection = Open(site);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT visitor_id FROM journey_events LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(DemoSite site)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(site.DataPath, "journeycontent.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<List<string>> EventTypes(DemoSite site)
    {
        await site.StoredEventsAsync();
        using var connection = Open(site);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type FROM journey_events";
        using var reader = command.ExecuteReader();
        var types = new List<string>();
        while (reader.Read())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    [GeneratedRegex("<section class=\"journey-next\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex NextBlock();
}
