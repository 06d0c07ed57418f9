using System.Net;
using System.Text.Json;
using JourneyContent.Editing;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Mail;
using JourneyContent.Testing;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>Export, erasure and retention of leads, by admins only.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task An_admin_exports_everything_about_a_lead_as_json_and_the_export_is_audited()
    {
        using var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);

        using var response = await admin.Http.GetAsync(new Uri($"/journey/admin/leads/{leadId}/export", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var root = json.RootElement;
        Assert.Equal("ada@example.com", root.GetProperty("lead").GetProperty("email").GetString());
        Assert.Equal("Ada", root.GetProperty("lead").GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal("2026-11", root.GetProperty("consents")[0].GetProperty("version").GetString());
        Assert.Single(root.GetProperty("visitorIds").EnumerateArray());
        Assert.Contains(root.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "form_submit");
        Assert.Equal("en/marketing-automation-platforms-compared-2026", root.GetProperty("downloads")[0].GetProperty("contentId").GetString());
        var audit = Assert.Single(await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default));
        Assert.Equal(("export", "admin@example.com"), (audit.Action, audit.ByUser));
    }

    [Fact]
    public async Task An_admin_erases_a_lead_personal_data_goes_events_stay_anonymised_and_the_erasure_is_audited()
    {
        using var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        var events = await site.StoredEventsAsync();
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);
        var token = await admin.TokenFromAsync($"/journey/admin/leads/{leadId}");

        using var refused = await admin.PostAsync($"/journey/admin/leads/{leadId}/erase", token, new());
        using var erased = await admin.PostAsync($"/journey/admin/leads/{leadId}/erase", token, new() { ["confirm"] = "true" });

        var store = site.Services.GetRequiredService<ILeadStore>();
        var record = await store.RecordAsync(leadId, default);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.True(record!.Lead.IsErased);
        Assert.Null(record.Lead.Email);
        Assert.Empty(record.Consents);
        Assert.Empty(record.Visitors);
        Assert.Equal(events, await site.Services.GetRequiredService<IJourneyStore>().CountEventsAsync(default));
        var mail = Assert.Single(await site.RecentMailAsync(10));
        Assert.Equal(string.Empty, mail.Mail.To);
        Assert.DoesNotContain("Ada", mail.Mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(await store.PrivacyAuditAsync(leadId, 10, default), a => a.Action == "erase" && a.ByUser == "admin@example.com");
        var list = await admin.Http.GetStringAsync(new Uri("/journey/admin/leads", UriKind.Relative));
        Assert.DoesNotContain("ada@example.com", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_lead_deletes_its_mail_files_from_the_pickup_folder()
    {
        using var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        var folder = Path.Combine(site.DataPath, "mail");
        // The sender works in the background: wait (bounded) until it wrote the download mail, as the delivery tests do.
        for (var attempt = 0; attempt < 100 && !MailFiles(folder).Any(); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(MailFiles(folder), f => File.ReadAllText(f).Contains("ada@example.com", StringComparison.Ordinal));
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);
        var token = await admin.TokenFromAsync($"/journey/admin/leads/{leadId}");

        using var erased = await admin.PostAsync($"/journey/admin/leads/{leadId}/erase", token, new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.DoesNotContain(MailFiles(folder), f => File.ReadAllText(f).Contains("ada@example.com", StringComparison.Ordinal));
    }

    private static string[] MailFiles(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];

    [Fact]
    public async Task Retention_erases_leads_inactive_for_longer_than_the_setting()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var site = FormVisitor.Site();
        var store = site.Services.GetRequiredService<ILeadStore>();
        var old = await store.CaptureAsync(new LeadCapture { Email = "old@example.com", Language = "en", ContentId = "en/x", At = time.GetUtcNow().AddMonths(-14) }, default);
        var recent = await store.CaptureAsync(new LeadCapture { Email = "new@example.com", Language = "en", ContentId = "en/x", At = time.GetUtcNow().AddMonths(-2) }, default);
        var retention = new LeadRetention(
            site.Services.GetRequiredService<LeadEraser>(), store, Options.Create(new GatedFormOptions { RetentionMonths = 12 }), time, new JourneyContent.Web.Scheduling.AlwaysDoBackgroundWork(), new JourneyContent.Scheduling.InProcessExclusiveWork(), NullLogger<LeadRetention>.Instance);

        var erased = await retention.RunOnceAsync(12, default);

        Assert.Equal(1, erased);
        Assert.True((await store.FindAsync(old.Lead.Id, default))!.IsErased);
        Assert.False((await store.FindAsync(recent.Lead.Id, default))!.IsErased);
        Assert.Contains(await store.PrivacyAuditAsync(old.Lead.Id, 10, default), a => a.Action == "retention" && a.ByUser == "system");
    }

    [Theory]
    [InlineData(JourneyRoles.Editor, "/journey/admin/leads", false)]
    [InlineData(JourneyRoles.Marketer, "/journey/admin/leads", true)]
    [InlineData(JourneyRoles.Marketer, "/journey/admin/leads/{id}", true)]
    [InlineData(JourneyRoles.Marketer, "/journey/admin/leads/{id}/export", false)]
    [InlineData(JourneyRoles.Marketer, "/journey/admin/outbox", false)]
    [InlineData(JourneyRoles.Admin, "/journey/admin/outbox", true)]
    public async Task Lead_pages_need_their_role(string role, string path, bool allowed)
    {
        using var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        using var user = await BackOfficeClient.SignedInAsync(site, role);

        using var response = await user.Http.GetAsync(new Uri(path.Replace("{id}", leadId, StringComparison.Ordinal), UriKind.Relative));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            // Pages send a signed-in user without the role to the "denied" page.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/journey/admin/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_outbox_health_shows_each_channel_of_the_one_outbox()
    {
        using var site = FormVisitor.Site()
            .With("JourneyContent:Webhooks:LeadCapturedUrl", "http://127.0.0.1:9/crm/leads")
            .With("JourneyContent:Webhooks:Secret", "a-long-enough-test-secret");
        await CaptureAsync(site);
        using var admin = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Admin);

        using var api = System.Text.Json.JsonDocument.Parse(await admin.Http.GetStringAsync(new Uri("/journey/admin/api/outbox", UriKind.Relative)));
        var page = await admin.Http.GetStringAsync(new Uri("/journey/admin/outbox", UriKind.Relative));

        // Pending or already delivered (the worker runs), but one message in each channel, with the capture's topics.
        foreach (var channel in new[] { "mail", "webhooks" })
        {
            var summary = api.RootElement.GetProperty(channel);
            Assert.Equal(1, summary.GetProperty("pending").GetInt32() + summary.GetProperty("sent").GetInt32() + summary.GetProperty("failed").GetInt32());
        }

        Assert.Equal("webhook", api.RootElement.GetProperty("webhooks").GetProperty("channel").GetString());
        Assert.Contains("<td>Download link</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>lead.captured</td>", page, StringComparison.Ordinal);
    }

    private static async Task<string> CaptureAsync(DemoSite site)
    {
        using var visitor = FormVisitor.Create(site);
        await visitor.ConsentAsync();
        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada" });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await site.StoredEventsAsync();
        return Assert.Single(await FormVisitor.LeadsAsync(site)).Id;
    }
}
