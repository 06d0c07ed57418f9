using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Leads;
using JourneyContent.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>The CRM webhooks as the site queues them: after a capture, and when a lead's stage moves with their reading.</summary>
public sealed class LeadWebhookTests
{
    [Fact]
    public async Task A_capture_queues_lead_captured_and_a_later_stage_change_queues_lead_stage_changed()
    {
        using var site = FormVisitor.Site()
            .With("JourneyContent:Webhooks:LeadCapturedUrl", "http://127.0.0.1:9/crm/leads")
            .With("JourneyContent:Webhooks:StageChangedUrl", "http://127.0.0.1:9/crm/stages")
            .With("JourneyContent:Webhooks:Secret", "a-long-enough-test-secret");
        using var visitor = FormVisitor.Create(site);
        await visitor.ConsentAsync();

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["project_stage"] = "consideration" });
        // Committed with the lead itself, so present the moment the form is answered.
        var afterCapture = await site.RecentWebhooksAsync(10);
        var mail = Assert.Single(await site.RecentMailAsync(10));
        using var declared = await visitor.Http.PostAsJsonAsync(new Uri("/api/journey/events", UriKind.Relative), new { type = "declared_stage", stage = "decision" });
        // The writer runs its observers (the stage-change webhook among them) before it counts the batch as written.
        await site.StoredEventsAsync();
        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        var all = await site.RecentWebhooksAsync(100);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var captured = Assert.Single(afterCapture, m => m.Payload.Event == WebhookEvents.LeadCaptured);
        Assert.Equal("http://127.0.0.1:9/crm/leads", captured.Payload.Url);
        Assert.Equal((lead.Id, lead.Id), (captured.LeadId, mail.Mail.LeadId));
        using (var body = JsonDocument.Parse(captured.Payload.Body))
        {
            Assert.Equal("lead.captured", body.RootElement.GetProperty("event").GetString());
            Assert.Equal("ada@example.com", body.RootElement.GetProperty("data").GetProperty("email").GetString());
            Assert.Equal("en/marketing-automation-platforms-compared-2026", body.RootElement.GetProperty("data").GetProperty("contentId").GetString());
        }

        Assert.Equal("decision", lead.Stage);
        var stageChanges = all.Where(m => m.Payload.Event == WebhookEvents.StageChanged).Select(m => JsonDocument.Parse(m.Payload.Body).RootElement.GetProperty("data").GetProperty("to").GetString()).ToList();
        Assert.Equal(["consideration", "decision"], stageChanges.Order(StringComparer.Ordinal));
        Assert.Equal(["decision", "consideration"], (await site.Services.GetRequiredService<ILeadStore>().RecordAsync(lead.Id, default))!.StageHistory.Select(h => h.To).Reverse());
    }

    [Fact]
    public async Task Without_webhook_urls_nothing_is_queued()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        (await visitor.SubmitAsync(new() { ["email"] = "ada@example.com" })).Dispose();

        Assert.Empty(await site.RecentWebhooksAsync(10));
    }
}
