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
        var (item, path, before, token) = await OpenEditPageAsync("en/what-is-the-buyers-journey");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!, ["Weights[consideration]"] = "0.3",
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

        // The change is in the audit log, before and after, in words.
        var entry = Assert.Single(await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(item.Id, 10, default));
        Assert.Empty(entry.FromRecommendations!.PinnedNext);
        Assert.False(entry.FromRecommendations.Excluded);
        Assert.Equal(0, entry.FromRecommendations.Boost);
        Assert.Equal(["en/how-to-map-your-customer-journey", "en/pricing"], entry.ToRecommendations!.PinnedNext);
        Assert.True(entry.ToRecommendations.Excluded);
        Assert.Equal(0.5, entry.ToRecommendations.Boost);
        var audit = await _editor.Http.GetStringAsync(new Uri("/journey/admin/audit", UriKind.Relative));
        Assert.Contains("<td class=\"recommendations\">none → pinned: How to map your customer journey in one afternoon, Sillage pricing: simple plans that grow with you; kept out of automatic lists; boost +0.5</td>", WebUtility.HtmlDecode(audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_sets_the_topics_and_the_items_own_call_to_action_from_the_edit_page_and_visitors_of_its_stage_get_it()
    {
        var (item, path, before, token) = await OpenEditPageAsync("en/what-is-the-buyers-journey");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!, ["Weights[consideration]"] = "0.3",
            ["HasTopicsAndOffer"] = "true", ["Topics"] = " Customer-Journey, lead-scoring ,customer-journey",
            ["OfferHeadline"] = "Map your journey with us", ["OfferText"] = "A 20-minute call with a \"journey\" expert.", ["OfferButton"] = "Book the call",
            ["OfferUrl"] = "/en/pricing",
        }, [new("OfferStages", "awareness")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await File.ReadAllTextAsync(path);
        Assert.Equal(Body(before), Body(after));
        Assert.Contains("\ntopics: [customer-journey, lead-scoring]\n", after, StringComparison.Ordinal);
        var saved = _site.Content.FindById(item.Id)!;
        Assert.Equal(["customer-journey", "lead-scoring"], saved.Topics);
        Assert.Equal("A 20-minute call with a \"journey\" expert.", saved.CallToAction!.Text);
        Assert.Equal(["awareness"], saved.CallToAction.Stages);
        var entry = Assert.Single(await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(item.Id, 10, default));
        Assert.Null(entry.FromTopicsAndOffer!.CallToAction);
        Assert.Equal("Map your journey with us", entry.ToTopicsAndOffer!.CallToAction!.Headline);
        var audit = System.Net.WebUtility.HtmlDecode(await _editor.Http.GetStringAsync(new Uri("/journey/admin/audit", UriKind.Relative)));
        Assert.Contains("<td class=\"topics-offer\">topics: customer-journey, inbound-marketing; no offer → topics: customer-journey, lead-scoring; offer: “Map your journey with us”</td>", audit, StringComparison.Ordinal);

        // The offer is one the pages now choose from for an English awareness visitor.
        var stages = _site.Services.GetRequiredService<Stages.StageModel>();
        var offers = CallsToAction.CallToActionCatalog.Build(_site.Content, stages).OffersFor("en", stages.FindStage("awareness")!);
        Assert.Contains(offers.ForStage, o => o.Headline == "Map your journey with us" && o.Url == "/en/pricing" && o.Button == "Book the call");
    }

    [Fact]
    public async Task A_bad_topic_and_an_unsafe_offer_link_are_refused_field_by_field_keeping_what_was_typed_and_nothing_is_written()
    {
        var (item, path, before, token) = await OpenEditPageAsync("en/what-is-the-buyers-journey");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!, ["Weights[consideration]"] = "0.3",
            ["HasTopicsAndOffer"] = "true", ["Topics"] = "crm, <script>", ["OfferHeadline"] = "Click", ["OfferUrl"] = "javascript:alert(1)",
            ["OfferButton"] = new string('b', 41),
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"topics-error\">“<script>” is not a topic key", html, StringComparison.Ordinal);
        Assert.Contains("The button link “javascript:alert(1)” must be a site path", html, StringComparison.Ordinal);
        Assert.Contains("The call to action’s button label is longer than 40 characters.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Topics\" value=\"crm, <script>\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"OfferUrl\" value=\"javascript:alert(1)\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_change_of_the_boost_alone_is_audited_and_leaves_the_stage_columns_as_they_were()
    {
        var (item, _, _, token) = await OpenEditPageAsync("en/what-is-the-buyers-journey");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = item.Stage!,
            ["HasRecommendations"] = "true", ["Boost"] = "-0.5",
            ["Weights[consideration]"] = "0.3",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var entry = Assert.Single(await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(item.Id, 10, default));
        Assert.Equal(item.Stage, entry.FromStage);
        Assert.Equal(item.Stage, entry.ToStage);
        Assert.Equal(0, entry.FromRecommendations!.Boost);
        Assert.Equal(-0.5, entry.ToRecommendations!.Boost);
    }

    [Fact]
    public async Task The_edit_page_has_a_weight_control_for_every_stage_filled_with_the_items_secondary_stages()
    {
        var html = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content/edit?id=" + Uri.EscapeDataString("en/five-signs-your-leads-go-cold"), UriKind.Relative));

        foreach (var stage in new[] { "awareness", "consideration", "decision", "loyalty", "advocacy" })
        {
            Assert.Contains($"<label for=\"weight-{stage}\">", html, StringComparison.Ordinal);
            var value = stage == "consideration" ? " value=\"0.3\"" : string.Empty;
            Assert.Contains($"<input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" id=\"weight-{stage}\" name=\"Weights[{stage}]\"{value} size=\"5\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("name=\"Secondary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_typed_in_the_stage_controls_become_the_secondary_stages()
    {
        var item = _site.Content.FindById("en/five-signs-your-leads-go-cold")!;
        var token = await _editor.TokenFromAsync("/journey/admin/content/edit?id=" + Uri.EscapeDataString(item.Id));

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = "awareness",
            ["Weights[awareness]"] = "", ["Weights[consideration]"] = "", ["Weights[decision]"] = "0,25", ["Weights[loyalty]"] = "0.1", ["Weights[advocacy]"] = "0",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("decision:0.25, loyalty:0.1", Tagging.ContentTags.Of(_site.Content.FindById(item.Id)!).SecondaryText);
    }

    [Fact]
    public async Task Every_problem_of_the_edit_form_is_shown_at_once_by_its_field_and_what_was_typed_is_kept()
    {
        var (item, path, before, token) = await OpenEditPageAsync("en/five-signs-your-leads-go-cold");

        using var response = await _editor.PostAsync("/journey/admin/content/edit", token, new()
        {
            ["Id"] = item.Id, ["Version"] = item.Version!, ["Kind"] = item.Kind, ["Stage"] = "awareness",
            ["Weights[awareness]"] = "0.4", ["Weights[decision]"] = "lots", ["Weights[loyalty]"] = "1.5", ["Weights[consideration]"] = "0.3",
            ["HasRecommendations"] = "true", ["Boost"] = "abc",
        }, [new("PinnedNext", "fr/tarifs")]);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5 problems to fix:", html, StringComparison.Ordinal);
        string[] expected =
        [
            "<p class=\"field-error\" id=\"weight-awareness-error\">Awareness is the primary stage: leave its secondary weight empty.</p>",
            "<p class=\"field-error\" id=\"weight-decision-error\">The weight of Decision, “lots”, is not a number from 0 to 1.</p>",
            "The weight of Loyalty, “1.5”, is not a number from 0 to 1.",
            "<p class=\"field-error\" id=\"boost-error\">The boost 'abc' is not a number between -1 and 1.</p>",
            "<p class=\"field-error\" id=\"pins-error\">“Tarifs",
            "id=\"weight-decision\" name=\"Weights[decision]\" value=\"lots\"",
            "id=\"weight-consideration\" name=\"Weights[consideration]\" value=\"0.3\"",
            "aria-invalid=\"true\" aria-describedby=\"weight-decision-error\"",
        ];
        Assert.All(expected, text => Assert.Contains(text, html, StringComparison.Ordinal));
        Assert.Contains("<option value=\"fr/tarifs\" selected>fr/tarifs</option>", html, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("fr/tarifs", "another language")]
    [InlineData("en/what-is-the-buyers-journey", "itself")]
    [InlineData("en/no-such-item", "does not exist")]
    public async Task A_bad_pin_is_refused_with_a_message_and_nothing_is_written(string pinned, string message)
    {
        var (item, path, before, token) = await OpenEditPageAsync("en/what-is-the-buyers-journey");

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

        using var response = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration", ["Confirmed"] = "true" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.All(items, i => Assert.Equal("consideration", _site.Content.FindById(i.Id)!.Stage));
    }

    [Fact]
    public async Task Bulk_retagging_first_shows_the_count_and_what_changes_and_writes_nothing_until_confirmed()
    {
        var items = new[] { _site.Content.FindById("en/pricing")!, _site.Content.FindById("fr/tarifs")! };
        var before = await Task.WhenAll(items.Select(i => File.ReadAllTextAsync(Path.Combine(_site.ContentPath, i.Source!))));
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var first = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "loyalty", ["ReturnUrl"] = "/journey/admin/content?kind=pricing" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var page = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("You are about to set the stage of 2 items to Loyalty.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Confirmed\" value=\"true\">", page, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Contains($"<tr data-id=\"{i.Id}\">", page, StringComparison.Ordinal));
        Assert.Equal(before, await Task.WhenAll(items.Select(i => File.ReadAllTextAsync(Path.Combine(_site.ContentPath, i.Source!)))));
        Assert.All(items, i => Assert.Equal("decision", _site.Content.FindById(i.Id)!.Stage));

        var confirmToken = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var withoutToken = await _editor.PostAsync("/journey/admin/content/bulk", null, new() { ["Stage"] = "loyalty", ["Confirmed"] = "true" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        using var confirmed = await _editor.PostAsync("/journey/admin/content/bulk", confirmToken, new() { ["Stage"] = "loyalty", ["Confirmed"] = "true", ["ReturnUrl"] = "/journey/admin/content?kind=pricing" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal("/journey/admin/content?kind=pricing", confirmed.Headers.Location?.OriginalString);
        Assert.All(items, i => Assert.Equal("loyalty", _site.Content.FindById(i.Id)!.Stage));
    }

    [Fact]
    public async Task Bulk_retagging_keeps_secondary_stages_and_says_which_one_becomes_the_primary_stage()
    {
        var signs = _site.Content.FindById("en/five-signs-your-leads-go-cold")!;
        var crm = _site.Content.FindById("en/crm-or-marketing-automation-what-first")!;
        Assert.Equal(("consideration", "awareness"), (signs.SecondaryStages.Single().Stage, crm.SecondaryStages.Single().Stage));
        var selected = new[] { signs, crm }.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")).ToList();
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var confirm = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration" }, selected);
        var page = System.Net.WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        using var applied = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration", ["Confirmed"] = "true" }, selected);

        Assert.Contains("Consideration (0.3) becomes the primary stage, so it is no longer secondary.", page, StringComparison.Ordinal);
        Assert.Contains("kept: Awareness 0.3", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, applied.StatusCode);
        Assert.Equal(("consideration", 0), (_site.Content.FindById(signs.Id)!.Stage, _site.Content.FindById(signs.Id)!.SecondaryStages.Count));
        var kept = Assert.Single(_site.Content.FindById(crm.Id)!.SecondaryStages);
        Assert.Equal(("awareness", 0.3), (kept.Stage, kept.Weight));
    }

    [Fact]
    public async Task Undo_gives_the_items_of_the_last_bulk_change_their_earlier_tags_back_and_is_audited()
    {
        var signs = _site.Content.FindById("en/five-signs-your-leads-go-cold")!;
        var pricing = _site.Content.FindById("en/pricing")!;
        var token = await _editor.TokenFromAsync("/journey/admin/content");
        using var applied = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration", ["Confirmed"] = "true" },
            new[] { signs, pricing }.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var inventory = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));
        Assert.Contains("Undo the last bulk change (2 items set to Consideration)", inventory, StringComparison.Ordinal);

        using var undone = await _editor.PostAsync("/journey/admin/content/bulk/undo", await _editor.TokenFromAsync("/journey/admin/content"), new() { ["returnUrl"] = "/journey/admin/content" });
        var after = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));
        using var again = await _editor.PostAsync("/journey/admin/content/bulk/undo", await _editor.TokenFromAsync("/journey/admin/content"), new());
        var afterAgain = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, undone.StatusCode);
        Assert.Contains("Bulk change undone: 2 items have their earlier tags back.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"undo-bulk\"", after, StringComparison.Ordinal);
        Assert.Contains("There is no bulk change to undo.", afterAgain, StringComparison.Ordinal);
        var restored = _site.Content.FindById(signs.Id)!;
        Assert.Equal(("awareness", "consideration:0.3"), (restored.Stage, Tagging.ContentTags.Of(restored).SecondaryText));
        Assert.Equal("decision", _site.Content.FindById(pricing.Id)!.Stage);
        var audit = await _site.Services.GetRequiredService<IStageAuditLog>().ListAsync(signs.Id, 10, default);
        Assert.Equal([StageAuditSources.BulkUndo, StageAuditSources.Bulk], audit.Select(e => e.Source));
    }

    [Fact]
    public async Task Undo_leaves_an_item_changed_after_the_bulk_change_as_it_is_and_says_so()
    {
        var pricing = _site.Content.FindById("en/pricing")!;
        var tarifs = _site.Content.FindById("fr/tarifs")!;
        var token = await _editor.TokenFromAsync("/journey/admin/content");
        await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "loyalty", ["Confirmed"] = "true" },
            new[] { pricing, tarifs }.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var changed = _site.Content.FindById(pricing.Id)!;
        await _editor.PostAsync("/journey/admin/content/tag", token, new() { ["Id"] = changed.Id, ["Version"] = changed.Version!, ["Stage"] = "advocacy" });

        using var undone = await _editor.PostAsync("/journey/admin/content/bulk/undo", token, new());
        var after = System.Net.WebUtility.HtmlDecode(await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative)));

        Assert.Contains($"Bulk change undone for 1 item. “{pricing.Title}” was changed after the bulk change and was left as it is.", after, StringComparison.Ordinal);
        Assert.Equal("advocacy", _site.Content.FindById(pricing.Id)!.Stage);
        Assert.Equal("decision", _site.Content.FindById(tarifs.Id)!.Stage);
    }

    [Fact]
    public async Task Bulk_retagging_says_how_many_items_changed_in_words_and_what_happened_when_none_was_selected()
    {
        var items = new[] { _site.Content.FindById("en/pricing")!, _site.Content.FindById("fr/tarifs")! };
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        using var two = await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "consideration", ["Confirmed"] = "true" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var afterTwo = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));
        using var none = await _editor.PostAsync("/journey/admin/content/bulk", await _editor.TokenFromAsync("/journey/admin/content"), new() { ["Stage"] = "decision", ["Confirmed"] = "true" });
        var afterNone = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Contains("2 items re-tagged.", afterTwo, StringComparison.Ordinal);
        Assert.Contains("Nothing was re-tagged: select the items first.", afterNone, StringComparison.Ordinal);
        Assert.DoesNotContain("item(s)", afterTwo + afterNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_retagging_items_to_the_stage_they_have_says_so_and_never_counts_zero_items_re_tagged()
    {
        var items = new[] { _site.Content.FindById("en/pricing")!, _site.Content.FindById("fr/tarifs")!, _site.Content.FindById("en/what-is-the-buyers-journey")! };
        var token = await _editor.TokenFromAsync("/journey/admin/content");

        await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "decision", ["Confirmed"] = "true" },
            items.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var mixed = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));
        await _editor.PostAsync("/journey/admin/content/bulk", token, new() { ["Stage"] = "decision", ["Confirmed"] = "true" },
            items.Select(i => _site.Content.FindById(i.Id)!).Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}|{i.Version}")));
        var none = await _editor.Http.GetStringAsync(new Uri("/journey/admin/content", UriKind.Relative));

        Assert.Contains("1 item re-tagged. 2 items already had that stage.", mixed, StringComparison.Ordinal);
        Assert.Contains("3 items already had that stage.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("0 items re-tagged", none, StringComparison.Ordinal);
        Assert.Contains("Undo the last bulk change (1 item set to Decision)", none, StringComparison.Ordinal);
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

    [Fact]
    public async Task Every_coverage_cell_links_to_the_inventory_filtered_to_that_cell_which_lists_as_many_items_as_it_counts()
    {
        var coverage = await _editor.Http.GetStringAsync(new Uri("/journey/admin/coverage", UriKind.Relative));
        var cells = System.Text.RegularExpressions.Regex.Matches(coverage, "<a aria-label=\"[^\"]+\" href=\"(/journey/admin/content\\?[^\"]+)\">(\\d+)</a>")
            .Select(m => (Href: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Contains(cells, c => c.Href == "/journey/admin/content?stage=decision&primary=true&kind=pricing");
        Assert.Contains(cells, c => c.Href == "/journey/admin/content?stage=untagged&language=fr");
        Assert.True(cells.Count >= (5 * 15) + (6 * 3), $"{cells.Count} linked cells");
        foreach (var (href, count) in cells)
        {
            Assert.True(count == CountRows(await _editor.Http.GetStringAsync(new Uri(href, UriKind.Relative))), href);
        }

        using var marketer = await BackOfficeClient.SignedInAsync(_site, JourneyRoles.Marketer);
        Assert.DoesNotContain("/journey/admin/content?", await marketer.Http.GetStringAsync(new Uri("/journey/admin/coverage", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_primary_stage_filter_leaves_out_items_that_have_the_stage_as_a_secondary_one()
    {
        var any = Rows(await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?stage=consideration", UriKind.Relative))).ToList();
        var primary = Rows(await _editor.Http.GetStringAsync(new Uri("/journey/admin/content?stage=consideration&primary=true", UriKind.Relative))).ToList();

        Assert.Contains("en/five-signs-your-leads-go-cold", any);
        Assert.DoesNotContain("en/five-signs-your-leads-go-cold", primary);
        Assert.All(primary, id => Assert.Equal("consideration", _site.Content.FindById(id)!.Stage));
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        _site.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An item, its file and text before the test, and the antiforgery token of its edit page.</summary>
    private async Task<(Content.ContentItem Item, string Path, string Before, string Token)> OpenEditPageAsync(string id)
    {
        var item = _site.Content.FindById(id)!;
        var path = Path.Combine(_site.ContentPath, item.Source!);
        return (item, path, await File.ReadAllTextAsync(path), await _editor.TokenFromAsync("/journey/admin/content/edit?id=" + Uri.EscapeDataString(item.Id)));
    }

    private static string Body(string text) => text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];

    private static IEnumerable<string> Rows(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr[^>]* data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

    private static int CountRows(string html) => Rows(html).Count();
}
