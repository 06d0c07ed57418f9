using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.StageLocks;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>The lead page's belief, explanation and stage lock, and what the visitor's <c>/api/journey/me</c> says about them.</summary>
public sealed class StageLockPageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_lead_page_shows_every_stage_probability_and_what_moved_the_belief_most()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);

        var page = await marketer.Http.GetStringAsync(new Uri($"/journey/admin/leads/{leadId}", UriKind.Relative));

        foreach (var stage in new[] { "awareness", "consideration", "decision", "loyalty", "advocacy" })
        {
            Assert.Contains($"<tr data-stage=\"{stage}\">", page, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"lead-explanation\"", page, StringComparison.Ordinal);
        Assert.Contains("What moved the belief most", page, StringComparison.Ordinal);
        Assert.Contains("more likely by", page, StringComparison.Ordinal);
        Assert.Contains("No lock: inference decides the stage.", page, StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task The_lead_page_speaks_french_to_a_french_marketer()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        marketer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var page = await marketer.Http.GetStringAsync(new Uri($"/journey/admin/leads/{leadId}", UriKind.Relative));

        Assert.Contains("Ce qui a le plus fait évoluer l'estimation", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Verrouiller l'étape", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        visitor.Dispose();
    }

    [Fact]
    public async Task A_marketer_locks_the_stage_the_visitor_is_held_in_it_and_the_lock_is_audited()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var token = await marketer.TokenFromAsync($"/journey/admin/leads/{leadId}");

        using var locked = await marketer.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", token, new() { ["Stage"] = "loyalty", ["Duration"] = "30", ["Reason"] = "signed by phone" });
        var page = await marketer.Http.GetStringAsync(new Uri($"/journey/admin/leads/{leadId}", UriKind.Relative));
        using var me = JsonDocument.Parse(await visitor.Http.GetStringAsync(new Uri("/api/journey/me", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("id=\"stage-lock\" data-stage=\"loyalty\" data-until=\"2026-12-31T09:00:00", page, StringComparison.Ordinal);
        Assert.Contains("data-source=\"Locked\"", page, StringComparison.Ordinal);
        var root = me.RootElement;
        Assert.Equal(("loyalty", "locked"), (root.GetProperty("stage").GetString(), root.GetProperty("source").GetString()));
        Assert.Equal(T0.AddDays(30), root.GetProperty("lock").GetProperty("until").GetDateTimeOffset());
        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], root.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 3);
        var shift = root.GetProperty("explanation")[0];
        Assert.False(string.IsNullOrEmpty(shift.GetProperty("type").GetString()));
        Assert.True(shift.TryGetProperty("at", out _) && shift.TryGetProperty("contentId", out _) && shift.TryGetProperty("stage", out _) && shift.TryGetProperty("change", out _));
        var audit = Assert.Single(await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default));
        Assert.Equal((StageLocking.LockAction, "marketer@example.com", T0), (audit.Action, audit.ByUser, audit.At));
        Assert.Contains("stage=loyalty", audit.Detail, StringComparison.Ordinal);
        Assert.Equal("loyalty", (await site.Services.GetRequiredService<ILeadStore>().FindAsync(leadId, default))!.Stage);
        visitor.Dispose();
    }

    [Fact]
    public async Task A_lock_removed_early_leaves_the_stage_to_inference_and_the_removal_is_audited()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);
        var token = await admin.TokenFromAsync($"/journey/admin/leads/{leadId}");
        (await admin.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", token, new() { ["Stage"] = "advocacy", ["Duration"] = "date", ["Until"] = "2027-01-31" })).Dispose();
        var whileLocked = await visitor.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

        using var removed = await admin.PostAsync($"/journey/admin/leads/{leadId}/stage-lock/remove", token, new());
        var after = await visitor.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/journey/me", UriKind.Relative));

        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), whileLocked.GetProperty("lock").GetProperty("until").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotEqual("locked", after.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lock").ValueKind);
        var actions = (await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default)).Select(a => (a.Action, a.ByUser));
        Assert.Equal([(StageLocking.UnlockAction, "admin@example.com"), (StageLocking.LockAction, "admin@example.com")], actions);
        visitor.Dispose();
    }

    [Theory]
    [InlineData("nirvana", "30", "", "Stage", "Pick one of the funnel&#x27;s stages.")]
    [InlineData("decision", "date", "2026-11-30", "Until", "The lock must end in the future.")]
    [InlineData("decision", "date", "2028-01-01", "Until", "A lock lasts at most one year.")]
    [InlineData("decision", "date", "31/12/2026", "Until", "Give the date as year-month-day.")]
    [InlineData("decision", "date", "", "Until", "Choose how long the lock lasts.")]
    [InlineData("decision", "999999999999", "", "Until", "Choose how long the lock lasts.")]
    [InlineData("decision", "2147483647", "", "Until", "A lock lasts at most one year.")]
    [InlineData("decision", "date", "9999-12-31", "Until", "A lock lasts at most one year.")]
    public async Task Bad_lock_input_is_answered_400_with_a_message_at_the_field_and_locks_nothing(string stage, string duration, string until, string field, string message)
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var token = await marketer.TokenFromAsync($"/journey/admin/leads/{leadId}");

        using var response = await marketer.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", token, new() { ["Stage"] = stage, ["Duration"] = duration, ["Until"] = until });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<span class=\"field-error\" data-field=\"{field}\">{message}</span>", html, StringComparison.Ordinal);
        Assert.Null(await site.Services.GetRequiredService<IStageLockStore>().ForLeadAsync(leadId, default));
        Assert.Empty(await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default));
        visitor.Dispose();
    }

    [Fact]
    public async Task Locking_a_lead_that_does_not_exist_is_answered_404_with_a_message()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var token = await marketer.TokenFromAsync("/journey/admin/leads");

        using var locked = await marketer.PostAsync("/journey/admin/leads/no-such-lead/stage-lock", token, new() { ["Stage"] = "decision", ["Duration"] = "7" });
        using var unlocked = await marketer.PostAsync("/journey/admin/leads/no-such-lead/stage-lock/remove", token, new());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (locked.StatusCode, unlocked.StatusCode));
        Assert.Equal("This lead does not exist, or was erased.", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_lock_form_needs_its_antiforgery_token_and_the_marketer_or_admin_role()
    {
        using var site = FormVisitor.Site().WithTime(new FakeTimeProvider(T0));
        var (leadId, visitor) = await CaptureAsync(site);
        var fields = new Dictionary<string, string> { ["Stage"] = "decision", ["Duration"] = "7" };
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        using var editor = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Editor);
        using var anonymous = BackOfficeClient.Create(site);
        var editorToken = await editor.TokenFromAsync("/journey/admin/content");
        var anonymousToken = await anonymous.TokenFromAsync("/journey/admin/sign-in");

        using var noToken = await marketer.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", null, fields);
        using var byEditor = await editor.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", editorToken, fields);
        using var byAnonymous = await anonymous.PostAsync($"/journey/admin/leads/{leadId}/stage-lock", anonymousToken, fields);
        using var unlockByEditor = await editor.PostAsync($"/journey/admin/leads/{leadId}/stage-lock/remove", editorToken, []);

        Assert.Equal(
            (HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden),
            (noToken.StatusCode, byEditor.StatusCode, byAnonymous.StatusCode, unlockByEditor.StatusCode));
        Assert.Null(await site.Services.GetRequiredService<IStageLockStore>().ForLeadAsync(leadId, default));
        Assert.Empty(await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default));
        visitor.Dispose();
    }

    private static async Task<(string LeadId, FormVisitor Visitor)> CaptureAsync(DemoSite site)
    {
        var visitor = FormVisitor.Create(site);
        await visitor.ConsentAsync();
        await visitor.PageAsync("/en/pricing");
        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada" });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await site.StoredEventsAsync();
        return (Assert.Single(await FormVisitor.LeadsAsync(site)).Id, visitor);
    }
}
