using System.Net;
using JourneyContent.Editing;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

public sealed class TaggingTests : IAsyncLifetime
{
    private readonly DemoSite _site = new();
    private readonly BackOfficeClient _editor;

    public TaggingTests() => _editor = BackOfficeClient.Create(_site);

    public async Task InitializeAsync()
    {
        var password = await BackOfficeClient.CreateAccountAsync(_site, "editor@example.com", JourneyRoles.Editor);
        await _editor.SignInAsync("editor@example.com", password);
    }

    [Fact]
    public async Task Tagging_from_the_inventory_writes_the_front_matter_keeps_the_body_and_is_audited()
    {
        var item = _site.Content.FindById("en/content-scoring-a-primer")!;
        var path = Path.Combine(_site.ContentPath, item.Source!);
        var before = await File.ReadAllTextAsync(path);
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var response = await _editor.PostAsync("/journey/admin/content/tag", token, new() { ["Id"] = item.Id, ["Version"] = item.Version!, ["Stage"] = "consideration" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await File.ReadAllTextAsync(path);
        Assert.Equal(Body(before), Body(after));
        Assert.Contains("\nstage: consideration\n", after, StringComparison.Ordinal);
        Assert.Equal("consideration", _site.Content.FindById(item.Id)!.Stage);
        var audit = await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(item.Id, 10, default);
        var entry = Assert.Single(audit);
        Assert.Equal(("editor@example.com", null, "consideration", "inline"), (entry.ChangedBy, entry.FromStage, entry.ToStage, entry.Source));
    }

    [Fact]
    public async Task A_concurrent_edit_is_a_conflict_and_nothing_is_overwritten()
    {
        var item = _site.Content.FindById("en/pricing")!;
        var path = Path.Combine(_site.ContentPath, item.Source!);
        var someoneElses = (await File.ReadAllTextAsync(path)) + "\nA paragraph another editor added.\n";
        await File.WriteAllTextAsync(path, someoneElses);
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = "pricing", ["Stage"] = "loyalty", ["Secondary"] = "",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("was changed by someone else", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(someoneElses, await File.ReadAllTextAsync(path));
        Assert.Empty(await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(item.Id, 10, default));
    }

    [Fact]
    public async Task An_editor_pins_next_steps_excludes_and_boosts_an_item_from_the_edit_page()
    {
        var item = _site.Content.FindById("en/what-is-the-buyers-journey")!;
        var path = Path.Combine(_site.ContentPath, item.Source!);
        var before = await File.ReadAllTextAsync(path);
        var token = await _editor.TokenFromAsync("/journey/admin/content/edit?id=" + Uri.EscapeDataString(item.Id));

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!, ["Secondary"] = "consideration:0.3",
            ["HasRecommendations"] = "true", ["ExcludeFromRecommendations"] = "true", ["Boost"] = "0.5",
        }, [new("PinnedNext", "en/how-to-map-your-customer-journey"), new("PinnedNext", ""), new("PinnedNext", "en/pricing")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await File.ReadAllTextAsync(path);
        Assert.Equal(Body(before), Body(after));
        Assert.Contains("\nnext: [how-to-map-your-customer-journey, pricing]\nrecommend: false\nboost: 0.5\n", after, StringComparison.Ordinal);
        var saved = _site.Content.FindById(item.Id)!;
        Assert.Equal(["en/how-to-map-your-customer-journey", "en/pricing"], saved.PinnedNext);
        Assert.True(saved.ExcludedFromRecommendations);
        Assert.Equal(0.5, saved.Boost);

        // The page now offers the pinned item first.
        var next = await _editor.Http.GetStringAsync(new Uri("/api/journey/next?path=" + item.Url, UriKind.Relative));
        Assert.StartsWith("{\"stage\":\"awareness\",\"personalised\":false,\"items\":[{\"url\":\"/en/how-to-map-your-customer-journey\"", next, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr/tarifs", "another language")]
    [InlineData("en/what-is-the-buyers-journey", "itself")]
    [InlineData("en/no-such-item", "does not exist")]
    public async Task A_bad_pin_is_refused_with_a_message_and_nothing_is_written(string pinned, string message)
    {
        var item = _site.Content.FindById("en/what-is-the-buyers-journey")!;
        var path = Path.Combine(_site.ContentPath, item.Source!);
        var before = await File.ReadAllTextAsync(path);
        var token = await _editor.TokenFromAsync("/journey/admin/content/edit?id=" + Uri.EscapeDataString(item.Id));

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!, ["HasRecommendations"] = "true", ["Boost"] = "0",
        }, [new("PinnedNext", pinned)]);

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Bulk_retagging_changes_every_selected_item()
    {
        var items = new[] { _site.Content.FindById("en/pricing")!, _site.Content.FindById("fr/tarifs")! };
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var response = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.All(items, i => Assert.Equal("consideration", _site.Content.FindById(i.Id)!.Stage));
    }

    [Fact]
    public async Task Bulk_retagging_says_how_many_items_changed_in_words_and_what_happened_when_none_was_selected()
    {
        var items = new[] { _site.Content.FindById("en/pricing")!, _site.Content.FindById("fr/tarifs")! };
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var two = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "decision" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var afterTwo = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));
        using var none = await _editor.PostAsync("/journey/admin/content/bulk", await _editor.TokenFromAsync("/journey/admin/content"), new() { ["Stage"] = "decision" });
        var afterNone = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Contains("2 items re-tagged.", afterTwo, StringComparison.Ordinal);
        Assert.Contains("Nothing was re-tagged: select the items first.", afterNone, StringComparison.Ordinal);
        Assert.DoesNotContain("item(s)", afterTwo + afterNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inventory_header_counts_the_untagged_items_and_links_to_them()
    {
        var untagged = _site.Content.Items.Count(i => i.IsUntagged);

        var inventory = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.True(untagged > 1, "The demo content has untagged items.");
        Assert.Contains($"<a id=\"untagged-filter\" href=\"?stage=untagged\">{untagged} untagged items</a>", inventory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untagged_item_shows_its_suggestion_and_accepting_it_tags_the_item()
    {
        var inventory = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?stage=untagged", UriKind.Relative));
        Assert.Contains("Suggested:", inventory, StringComparison.Ordinal);
        Assert.Contains("because of:", inventory, StringComparison.Ordinal);
        var item = _site.Content.FindById("fr/le-content-scoring-en-bref")!;
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var response = await _editor.PostAsync("/journey/admin/content/accept-suggestion", token, new() { ["Id"] = item.Id, ["Version"] = item.Version! });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(_site.Content.FindById(item.Id)!.IsUntagged);
    }

    [Fact]
    public async Task Untagged_content_is_hidden_from_visitors_and_shown_to_editors_with_a_banner()
    {
        using var visitor = _site.CreateClient();

        using var asVisitor = await visitor.GetAsync(new Uri("/en/content-scoring-a-primer", UriKind.Relative));
        var asEditor = await _editor.Http.GetStringAsync(new Uri("/en/content-scoring-a-primer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, asVisitor.StatusCode);
        Assert.Contains("class=\"container untagged-banner\"", asEditor, StringComparison.Ordinal);
        Assert.Contains("only signed-in editors see it", asEditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inventory_filters_by_stage_kind_and_language_and_searches_titles()
    {
        var decisionFr = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?stage=decision&language=fr", UriKind.Relative));
        var pricing = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?kind=pricing", UriKind.Relative));
        var search = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?q=buyer", UriKind.Relative));

        Assert.Contains("data-id=\"fr/tarifs\"", decisionFr, StringComparison.Ordinal);
        Assert.DoesNotContain("data-id=\"en/", decisionFr, StringComparison.Ordinal);
        Assert.DoesNotContain("data-id=\"fr/le-guide-complet-de-l-inbound-marketing\"", decisionFr, StringComparison.Ordinal);
        Assert.Equal(2, CountRows(pricing));
        Assert.All(Rows(search), id => Assert.Contains("buyer", _site.Content.FindById(id)!.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Files_rejected_at_load_are_listed_with_their_errors()
    {
        _site.WriteContent("en/zz-broken.md", "---\ntitle: Broken\nkind: podcast\n---\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_site.Content.Errors.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var html = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?errors=true", UriKind.Relative));

        Assert.Contains("<code>en/zz-broken.md</code>", html, StringComparison.Ordinal);
        Assert.Contains("Unknown kind &#x27;podcast&#x27;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_matrix_reflects_a_new_tag()
    {
        var before = await _editor.Http.GetStringAsync(new Uri("/journey/admin/api/coverage", UriKind.Relative));
        var item = _site.Content.FindById("en/content-scoring-a-primer")!;
        var token = await _editor.TokenFromAsync("/journey/admin/content");
        await _editor.PostAsync("/journey/admin/content/tag", token, new() { ["Id"] = item.Id, ["Version"] = item.Version!, ["Stage"] = "advocacy" });

        var after = await _editor.Http.GetStringAsync(new Uri("/journey/admin/api/coverage", UriKind.Relative));

        Assert.Contains("\"untaggedTotal\":2", before, StringComparison.Ordinal);
        Assert.Contains("\"untaggedTotal\":1", after, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        _site.Dispose();
        return Task.CompletedTask;
    }

    private static string Body(string text) => text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

    private static IEnumerable<string> Rows(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr[^>]* data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

    private static int CountRows(string html) => Rows(html).Count();
}
