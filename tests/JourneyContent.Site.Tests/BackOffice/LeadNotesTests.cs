using System.Net;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>Marketers write notes on a lead: stored, shown newest first, audited without their text, refused when empty or too long, and erased with the lead.</summary>
public sealed class LeadNotesTests
{
    [Fact]
    public async Task A_marketers_note_is_shown_on_the_lead_page_and_audited_without_its_text()
    {
        var (site, leadId, marketer) = await SignedInOnLeadAsync();
        using var _ = site;
        using var __ = marketer;
        var path = $"/journey/admin/leads/{leadId}";

        using var saved = await marketer.PostAsync(path + "/notes", await marketer.TokenFromAsync(path), new() { ["text"] = "Called <b>Ada</b>: wants a demo in January." });
        var page = await marketer.Http.GetStringAsync(new Uri(path, UriKind.Relative));
        var audit = await site.Services.GetRequiredService<ILeadStore>().PrivacyAuditAsync(leadId, 10, default);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The note was saved.", page, StringComparison.Ordinal);
        Assert.Contains("Called &lt;b&gt;Ada&lt;/b&gt;: wants a demo in January.", page, StringComparison.Ordinal);
        var entry = Assert.Single(audit, a => a.Action == LeadNote.AuditAction);
        Assert.DoesNotContain("Ada", entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "Write the note before saving it.")]
    [InlineData(null, "A note has at most 2,000 characters.")]
    public async Task An_empty_or_too_long_note_is_refused_with_a_message_and_a_long_one_kept_as_typed(string? text, string message)
    {
        var (site, leadId, marketer) = await SignedInOnLeadAsync();
        using var _ = site;
        using var __ = marketer;
        var path = $"/journey/admin/leads/{leadId}";
        var typed = text ?? new string('x', 2001);

        using var refused = await marketer.PostAsync(path + "/notes", await marketer.TokenFromAsync(path), new() { ["text"] = typed });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message.Replace("2,000", "2000", StringComparison.Ordinal), html.Replace("2,000", "2000", StringComparison.Ordinal), StringComparison.Ordinal);
        // Blank text reaches the action as nothing (model binding); a long note comes back as typed.
        Assert.Contains((text is null ? typed : "") + "</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await site.Services.GetRequiredService<ILeadStore>().NotesAsync(leadId, default));
    }

    [Fact]
    public async Task A_note_without_the_antiforgery_token_is_refused()
    {
        var (site, leadId, marketer) = await SignedInOnLeadAsync();
        using var _ = site;
        using var __ = marketer;

        using var response = await marketer.PostAsync($"/journey/admin/leads/{leadId}/notes", null, new() { ["text"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await site.Services.GetRequiredService<ILeadStore>().NotesAsync(leadId, default));
    }

    [Fact]
    public async Task The_export_of_a_lead_holds_its_notes()
    {
        var (site, leads, leadId, now) = await NotedLeadAsync();
        using var _ = site;

        var export = System.Text.Encoding.UTF8.GetString(await JourneyContent.Web.Leads.LeadExport.CreateAsync(leads, (await leads.RecordAsync(leadId, default))!, "admin@example.com", now, default));

        Assert.Contains("\"notes\"", export, StringComparison.Ordinal);
        Assert.Contains("Prefers French.", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_lead_erases_its_notes()
    {
        var (site, leads, leadId, now) = await NotedLeadAsync();
        using var _ = site;

        Assert.True(await leads.EraseAsync(leadId, "admin@example.com", "erase", now, default));

        Assert.Empty(await leads.NotesAsync(leadId, default));
        Assert.False(await leads.AddNoteAsync(leadId, new LeadNote("After erasure.", "marketer@example.com", now), default));
    }

    /// <summary>A site with one lead, and a marketer signed in.</summary>
    private static async Task<(DemoSite Site, string LeadId, BackOfficeClient Marketer)> SignedInOnLeadAsync()
    {
        var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        return (site, leadId, await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer));
    }

    /// <summary>A site with one lead that has one note, written through the store.</summary>
    private static async Task<(DemoSite Site, ILeadStore Leads, string LeadId, DateTimeOffset Now)> NotedLeadAsync()
    {
        var site = FormVisitor.Site();
        var leadId = await CaptureAsync(site);
        var leads = site.Services.GetRequiredService<ILeadStore>();
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.True(await leads.AddNoteAsync(leadId, new LeadNote("Prefers French.", "marketer@example.com", now), default));
        return (site, leads, leadId, now);
    }

    private static async Task<string> CaptureAsync(DemoSite site)
    {
        var captured = await site.Services.GetRequiredService<ILeadStore>().CaptureAsync(
            new LeadCapture { Email = "ada@example.com", Language = "en", ContentId = "en/x", At = site.Services.GetRequiredService<TimeProvider>().GetUtcNow() }, default);
        return captured.Lead.Id;
    }
}
