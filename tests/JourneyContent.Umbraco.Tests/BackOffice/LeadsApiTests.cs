using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Leads;
using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace JourneyContent.Umbraco.Tests.BackOffice;

/// <summary>
/// Leads in Umbraco's back office, through the package's API on a real host with the module's real SQLite store: the
/// list and its CSV, a lead's dossier and timeline, the stage lock, and the privacy operations, each behind its group.
/// </summary>
public sealed class LeadsApiTests : IAsyncLifetime
{
    private UmbracoSite _site = null!;
    private Lead _ada = null!;
    private Lead _grace = null!;

    public async Task InitializeAsync()
    {
        _site = await UmbracoSite.StartAsync(
        [
            new ContentItem { Id = "benchmark:en", Slug = "benchmark", Language = "en", Title = "Benchmark of the market", Kind = "comparison-benchmark", Url = "/benchmark/", Stage = "consideration" },
        ]);
        var leads = _site.App.Services.GetRequiredService<ILeadStore>();
        // The site's own clock, which lead retention and the stage lock read too.
        var now = _site.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        _ada = (await leads.CaptureAsync(new LeadCapture
        {
            Email = "ada@example.com", Language = "en", ContentId = "benchmark:en", Stage = "consideration", At = now.AddDays(-2),
            Profile = new LeadProfile { FirstName = "Ada", LastName = "Lovelace", Company = "Analytical Engines" },
            Source = new LeadSource { UtmSource = "newsletter", UtmCampaign = "spring" },
        }, default)).Lead;
        _grace = (await leads.CaptureAsync(new LeadCapture { Email = "grace@example.com", Language = "fr", ContentId = "benchmark:en", Stage = "decision", At = now.AddDays(-1) }, default)).Lead;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_marketer_lists_the_leads_newest_activity_first_and_filters_them_by_stage()
    {
        using var client = Client(["content"], ["editor"]);

        using var all = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/leads"));
        using var decision = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/leads?stage=decision"));
        using var search = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/leads?q=Lovelace"));

        Assert.Equal(2, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(50, all.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(["grace@example.com"], decision.RootElement.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("email").GetString()));
        var ada = Assert.Single(search.RootElement.GetProperty("leads").EnumerateArray());
        Assert.Equal(("Ada Lovelace", "Analytical Engines", "consideration"), (ada.GetProperty("name").GetString(), ada.GetProperty("company").GetString(), ada.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task The_lead_list_downloads_as_csv_with_the_filter_applied()
    {
        using var client = Client(["content"], ["editor"]);

        using var response = await client.GetAsync(BackOfficeApi.Prefix + "/leads?format=csv&stage=consideration");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("journeycontent-leads-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Contains("ada@example.com", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("grace@example.com", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/leads")]
    [InlineData("/leads/{ada}")]
    [InlineData("/leads/{ada}/export")]
    public async Task Users_outside_the_groups_get_403_and_anonymous_calls_401(string path)
    {
        var url = BackOfficeApi.Prefix + path.Replace("{ada}", _ada.Id, StringComparison.Ordinal);
        using var writer = Client(["content"], ["writer"]);
        using var anonymous = _site.Client();

        using var refused = await writer.GetAsync(url);
        using var unknown = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_leads_dossier_has_its_contact_source_timeline_and_the_stages_to_name_them()
    {
        using var client = Client(["content"], ["editor"]);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}"));

        var lead = json.RootElement.GetProperty("lead");
        Assert.Equal(("Ada", "newsletter", "spring"), (lead.GetProperty("firstName").GetString(), lead.GetProperty("source").GetProperty("utmSource").GetString(), lead.GetProperty("source").GetProperty("utmCampaign").GetString()));
        var first = json.RootElement.GetProperty("timeline").EnumerateArray().First();
        Assert.Equal(("stage", "consideration"), (first.GetProperty("kind").GetString(), first.GetProperty("stage").GetString()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lock").ValueKind);
        Assert.Contains(json.RootElement.GetProperty("stages").EnumerateArray(), s => s.GetProperty("key").GetString() == "decision" && s.GetProperty("label").GetProperty("fr").GetString()!.Length > 0);
    }

    [Fact]
    public async Task An_unknown_lead_is_a_404_with_a_message()
    {
        using var client = Client(["content"], ["editor"]);

        using var response = await client.GetAsync(BackOfficeApi.Prefix + "/leads/no-such-lead");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No lead has this id.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marketer_locks_a_stage_sees_it_in_the_dossier_and_removes_it_and_both_are_audited_with_their_name()
    {
        var editor = _site.AddUser(["content"], ["editor"]);
        (await _site.Users.GetAsync(editor))!.Email.Returns("mia@example.com");
        using var client = Client(editor);

        using var locked = await client.PutAsJsonAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/stage-lock", new { stage = "decision", days = 30, reason = "Signed the order form" });
        using var dossier = JsonDocument.Parse(await client.GetStringAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}"));
        using var removed = await client.DeleteAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/stage-lock");
        using var again = await client.DeleteAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/stage-lock");
        using var after = JsonDocument.Parse(await client.GetStringAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}"));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var held = dossier.RootElement.GetProperty("lock");
        Assert.Equal(("decision", "mia@example.com", "Signed the order form"), (held.GetProperty("stage").GetString(), held.GetProperty("setBy").GetString(), held.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(JsonValueKind.Null, after.RootElement.GetProperty("lock").ValueKind);
        Assert.Equal(2, after.RootElement.GetProperty("lockHistory").GetArrayLength());
        Assert.All(after.RootElement.GetProperty("lockHistory").EnumerateArray(), a => Assert.Equal("mia@example.com", a.GetProperty("byUser").GetString()));
    }

    [Theory]
    [InlineData("""{"stage": "nirvana", "days": 30}""", "stage", "StageLock.UnknownStage")]
    [InlineData("""{"stage": "decision", "until": "2020-01-01"}""", "until", "StageLock.PastExpiry")]
    [InlineData("""{"stage": "decision", "until": "31/12/2099"}""", "until", "StageLock.BadDate")]
    [InlineData("""{"stage": "decision"}""", "until", "StageLock.MissingExpiry")]
    public async Task A_refused_lock_answers_400_with_the_error_code_of_each_field_and_sets_nothing(string body, string field, string code)
    {
        using var client = Client(["content"], ["editor"]);

        using var response = await client.PutAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/stage-lock", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var dossier = JsonDocument.Parse(await client.GetStringAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([code], problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, dossier.RootElement.GetProperty("lock").ValueKind);
    }

    [Fact]
    public async Task An_admin_exports_everything_about_a_lead_and_the_export_is_audited()
    {
        using var client = Client(["content"], ["admin"]);

        using var response = await client.GetAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/export");
        using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"lead-{_ada.Id}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("ada@example.com", export.RootElement.GetProperty("lead").GetProperty("email").GetString());
        var audit = await _site.App.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(_ada.Id, 10, default);
        Assert.Contains(audit, a => a.Action == "export");
    }

    [Fact]
    public async Task A_marketer_who_is_not_in_a_privacy_group_can_neither_export_nor_erase()
    {
        using var client = Client(["content"], ["editor"]);

        using var export = await client.GetAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/export");
        using var erase = await client.PostAsJsonAsync($"{BackOfficeApi.Prefix}/leads/{_ada.Id}/erase", new { confirm = true });

        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, erase.StatusCode);
        Assert.False((await _site.App.Services.GetRequiredService<ILeadStore>().FindAsync(_ada.Id, default))!.IsErased);
    }

    [Fact]
    public async Task Erasing_needs_an_explicit_confirmation_then_removes_the_personal_data()
    {
        using var client = Client(["content"], ["admin"]);

        using var unconfirmed = await client.PostAsJsonAsync($"{BackOfficeApi.Prefix}/leads/{_grace.Id}/erase", new { });
        var kept = await _site.App.Services.GetRequiredService<ILeadStore>().FindAsync(_grace.Id, default);
        using var confirmed = await client.PostAsJsonAsync($"{BackOfficeApi.Prefix}/leads/{_grace.Id}/erase", new { confirm = true });
        var erased = await _site.App.Services.GetRequiredService<ILeadStore>().FindAsync(_grace.Id, default);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("grace@example.com", kept?.Email);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.True(erased!.IsErased);
        Assert.Null(erased.Email);
    }

    [Theory]
    [InlineData("writer", true, false, false)]
    [InlineData("editor", true, true, false)]
    [InlineData("admin", true, true, true)]
    public async Task Me_says_what_the_user_may_do_for_the_clients_conditions(string group, bool editor, bool leads, bool privacy)
    {
        using var client = Client(["content"], [group]);

        using var me = JsonDocument.Parse(await client.GetStringAsync(BackOfficeApi.Prefix + "/me"));

        Assert.Equal(
            (editor, leads, leads, privacy),
            (me.RootElement.GetProperty("editor").GetBoolean(), me.RootElement.GetProperty("reports").GetBoolean(), me.RootElement.GetProperty("leads").GetBoolean(), me.RootElement.GetProperty("privacy").GetBoolean()));
    }

    private HttpClient Client(string[] sections, string[] groups) => Client(_site.AddUser(sections, groups));

    private HttpClient Client(Guid user)
    {
        var client = _site.Client();
        client.DefaultRequestHeaders.Add(UmbracoSite.UserHeader, user.ToString());
        return client;
    }
}
