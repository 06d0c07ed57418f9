using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Reports.Catalog;
using JourneyContent.Stages;
using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Umbraco.Tests.BackOffice;

public sealed class BackOfficeApiTests : IAsyncLifetime
{
    private UmbracoSite _site = null!;

    public async Task InitializeAsync() => _site = await UmbracoSite.StartAsync(
    [
        Item("pricing-guide", "consideration", "Comparing pricing plans", "compare plans pricing comparison features benchmark"),
        Item("benchmark", "consideration", "Benchmark of the market's solutions", "comparison benchmark vendors features pricing"),
        Item("what-is-inbound", "awareness", "What is inbound marketing", "introduction basics what why beginners"),
        Item("intro-video", "awareness", "Inbound in five minutes", "introduction basics video beginners discover"),
        Item("free-trial", "decision", "Start your free trial", "trial start buy demo plan signup"),
    ]);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Stage_model_is_refused_without_a_back_office_token()
    {
        var response = await _site.Client().GetAsync(BackOfficeApi.Prefix + "/stages");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stage_model_lists_stages_with_colours_and_english_and_french_labels_for_a_content_editor()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/stages"));

        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], stages.Select(s => s.GetProperty("key").GetString()));
        Assert.All(stages, s => Assert.StartsWith("#", s.GetProperty("color").GetString(), StringComparison.Ordinal));
        Assert.Equal("Awareness", stages[0].GetProperty("label").GetProperty("en").GetString());
        Assert.NotEqual("Awareness", stages[0].GetProperty("label").GetProperty("fr").GetString());
        Assert.Equal(["en", "fr"], json.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_user_without_the_content_section_cannot_read_the_stage_model()
    {
        var client = Client(_site.AddUser(["media"], ["editor"]));

        var response = await client.GetAsync(BackOfficeApi.Prefix + "/stages");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_even_with_the_content_section()
    {
        var client = Client(_site.AddUser(["content"], ["admin"], approved: false));

        var response = await client.GetAsync(BackOfficeApi.Prefix + "/stages");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Suggestion_for_a_comparison_draft_is_consideration()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        var response = await client.PostAsJsonAsync(BackOfficeApi.Prefix + "/suggestion",
            new { title = "Pricing comparison of plans", text = "A benchmark comparison of features and pricing", language = "en" });

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("consideration", json.RootElement.GetProperty("stage").GetString());
        Assert.InRange(json.RootElement.GetProperty("confidence").GetDouble(), 0.34, 1);
        Assert.NotEmpty(json.RootElement.GetProperty("words").EnumerateArray());
        // Five tagged items are too few to measure how often a suggestion is right: no figure for people.
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("calibratedConfidence").ValueKind);
    }

    [Fact]
    public async Task With_enough_tagged_items_the_suggestion_carries_the_calibrated_probability_the_standalone_inventory_shows()
    {
        string[][] words =
        [
            ["awareness", "introduction basics what why beginners discover guide"],
            ["consideration", "compare comparison benchmark vendors features pricing options"],
            ["decision", "trial start buy demo plan signup quote contract"],
        ];
        var items = Enumerable.Range(0, 30)
            .Select(i => Item($"item-{i}", words[i % 3][0], $"Item {i} {words[i % 3][1].Split(' ')[i % 5]}", words[i % 3][1] + (i % 4 == 0 ? " " + words[(i + 1) % 3][1].Split(' ')[0] : "")))
            .ToList();
        await using var site = await UmbracoSite.StartAsync(items);
        var client = site.Client();
        client.DefaultRequestHeaders.Add(UmbracoSite.UserHeader, site.AddUser(["content"], ["writer"]).ToString());
        const string title = "Benchmark comparison of vendors";
        const string text = "Compare the features and pricing options of vendors";

        var response = await client.PostAsJsonAsync(BackOfficeApi.Prefix + "/suggestion", new { title, text, language = "en" });

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var draft = new ContentItem { Id = "draft", Slug = "draft", Url = "/", Language = "en", Title = title, Kind = string.Empty, BodyText = text };
        var expected = site.App.Services.GetRequiredService<JourneyContent.Web.Suggestions.StageSuggestions>().Classify(draft).Suggestion!.CalibratedConfidence;
        Assert.NotNull(expected);
        Assert.Equal("consideration", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal(expected.Value, json.RootElement.GetProperty("calibratedConfidence").GetDouble(), 6);
    }

    [Fact]
    public async Task A_draft_sharing_no_word_with_tagged_content_gets_the_reason_in_each_language_from_the_catalogue()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        var response = await client.PostAsJsonAsync(BackOfficeApi.Prefix + "/suggestion", new { title = "Zebra quokka", text = "Xylophone yodel", language = "en" });

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reason = json.RootElement.GetProperty("reason");
        Assert.Equal("This item shares no words with the tagged content, so no stage can be suggested.", reason.GetProperty("en").GetString());
        Assert.Equal("Ce contenu n'a aucun mot en commun avec les contenus étiquetés\u00A0: aucune étape ne peut être suggérée.", reason.GetProperty("fr").GetString());
    }

    [Fact]
    public async Task Suggestion_without_a_title_is_a_validation_problem()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        var response = await client.PostAsJsonAsync(BackOfficeApi.Prefix + "/suggestion", new { text = "anything" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("title", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_are_refused_to_a_writer()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        var response = await client.GetAsync(BackOfficeApi.Prefix + "/reports/funnel");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Funnel_report_is_a_table_with_one_row_per_stage_for_an_admin()
    {
        var client = Client(_site.AddUser(["content", "settings"], ["admin"]));

        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports/funnel?from=2026-01-01"));

        Assert.Equal("funnel", json.RootElement.GetProperty("report").GetString());
        Assert.Equal("stage", json.RootElement.GetProperty("headers")[0].GetString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(JsonValueKind.Number, rows[0][1].ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task A_malformed_date_is_reported_and_ignored()
    {
        var client = Client(_site.AddUser(["content"], ["editor"]));

        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports/trend?from=27/11/2026"));

        Assert.Contains("yyyy-MM-dd", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_exports_as_csv_and_unknown_reports_are_not_found()
    {
        var client = Client(_site.AddUser(["content"], ["admin"]));

        var csv = await client.GetAsync(BackOfficeApi.Prefix + "/reports/funnel?format=csv");
        var unknown = await client.GetAsync(BackOfficeApi.Prefix + "/reports/secrets");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("stage,visitors", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public static TheoryData<string> CatalogueReports() => [.. ReportCatalog.Default.Reports.Select(r => r.Definition.Key)];

    [Fact]
    public async Task The_report_list_is_the_catalogue_with_titles_filters_columns_and_chart_in_the_users_language()
    {
        var client = Client(_site.AddUser(["content"], ["admin"]));

        using var english = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports?culture=en-US"));
        using var french = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports?culture=fr-FR"));

        var reports = english.RootElement.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(ReportCatalog.Default.Reports.Select(r => r.Definition.Key), reports.Select(r => r.GetProperty("key").GetString()));
        var frenchTitles = french.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Funnel", "Coverage"], reports.Where(r => r.GetProperty("key").GetString() is "funnel" or "coverage").Select(r => r.GetProperty("title").GetString()));
        Assert.Equal("Entonnoir", frenchTitles[0]);
        var transitions = reports.Single(r => r.GetProperty("key").GetString() == "transitions");
        Assert.Equal(["from", "to", "lang", "topic"], transitions.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["from_stage", "to_", "median_hours_in_stage"], transitions.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        Assert.Equal("perStage", transitions.GetProperty("columns")[1].GetProperty("repeat").GetString());
        Assert.Equal("stackedColumns", reports.Single(r => r.GetProperty("key").GetString() == "trend").GetProperty("chart").GetString());
    }

    [Theory]
    [MemberData(nameof(CatalogueReports))]
    public async Task Every_catalogue_report_is_served_as_json_and_csv_with_its_declared_columns(string report)
    {
        var client = Client(_site.AddUser(["content"], ["admin"]));
        var stages = _site.App.Services.GetRequiredService<StageModel>();
        var languages = _site.App.Services.GetRequiredService<IContentSource>().Current.Languages;
        var declared = ReportCatalog.Default.Find(report)!.Definition
            .Expand([.. stages.Stages.Select(s => s.Key)], languages, [.. stages.Kinds.Select(k => k.Key)]).Select(c => c.Key).ToList();

        using var json = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/reports/" + report + "?culture=fr"));
        var csv = (await client.GetStringAsync(BackOfficeApi.Prefix + "/reports/" + report + "?format=csv")).TrimStart('\uFEFF');

        var root = json.RootElement;
        Assert.Equal(declared, root.GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(declared, root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        Assert.All(root.GetProperty("columns").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("header").GetString())));
        Assert.All(root.GetProperty("rows").EnumerateArray(), row => Assert.Equal(declared.Count, row.GetArrayLength()));
        Assert.All(root.GetProperty("texts").EnumerateArray(), row => Assert.Equal(declared.Count, row.GetArrayLength()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("chart").GetProperty("title").GetString()));
        Assert.Equal(string.Join(',', declared), csv[..csv.IndexOf('\r', StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("not a culture")]
    [InlineData("xx-NOPE-1234")]
    public async Task A_malformed_culture_is_a_validation_problem(string culture)
    {
        var client = Client(_site.AddUser(["content"], ["admin"]));

        var list = await client.GetAsync(BackOfficeApi.Prefix + "/reports?culture=" + Uri.EscapeDataString(culture));
        var report = await client.GetAsync(BackOfficeApi.Prefix + "/reports/funnel?culture=" + Uri.EscapeDataString(culture));

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Contains("culture", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_list_is_refused_to_a_writer()
    {
        var client = Client(_site.AddUser(["content"], ["writer"]));

        var response = await client.GetAsync(BackOfficeApi.Prefix + "/reports");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_standalone_back_office_is_not_part_of_an_umbraco_site()
    {
        var client = Client(_site.AddUser(["content", "settings"], ["admin"]));

        var reports = await client.GetAsync("/journey/admin/reports/funnel");
        var signIn = await client.GetAsync("/journey/admin/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, reports.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    private HttpClient Client(Guid user)
    {
        var client = _site.Client();
        client.DefaultRequestHeaders.Add(UmbracoSite.UserHeader, user.ToString());
        return client;
    }

    private static ContentItem Item(string slug, string stage, string title, string text) => new()
    {
        Id = slug + ":en", Slug = slug, Language = "en", Title = title, Kind = "article", Url = "/en/" + slug, Stage = stage, BodyText = text,
    };
}
