using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyContent.Leads;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>The lead opens their mailed download link on a second device: that device is recognised as theirs.</summary>
public sealed partial class SecondDeviceTests
{
    [Fact]
    public async Task A_consenting_second_device_that_opens_the_leads_link_becomes_the_lead_and_shares_its_history()
    {
        using var site = FormVisitor.Site();
        using var phone = FormVisitor.Create(site);
        using var laptop = FormVisitor.Create(site);
        await phone.ConsentAsync();
        // Decision reading on the phone; the benchmark downloaded on the laptop is consideration content, so only the
        // merged history can make the laptop's visitor a decision-stage one.
        foreach (var item in site.Content.InLanguage("en").Where(i => i.Stage == "decision" && !i.IsGated && i.SecondaryStages.Count == 0).Take(4))
        {
            await phone.PageAsync(item.Url);
        }

        using var submitted = await phone.SubmitAsync(new() { ["email"] = "grace@example.com" });
        var download = await DownloadLinkAsync(phone, submitted);
        await laptop.ConsentAsync();
        var laptopBefore = await StageAsync(laptop);

        using var file = await laptop.Http.GetAsync(new Uri(download, UriKind.Relative));
        var laptopAfter = await StageAsync(laptop);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Null(laptopBefore);
        Assert.Equal("decision", await StageAsync(phone));
        Assert.Equal("decision", laptopAfter);
        var leads = site.Services.GetRequiredService<ILeadStore>();
        var lead = await leads.FindByEmailAsync("grace@example.com", default);
        Assert.Equal(2, (await leads.RecordAsync(lead!.Id, default))!.Visitors.Count);
    }

    [Fact]
    public async Task A_second_device_without_consent_downloads_the_file_and_is_not_linked()
    {
        using var site = FormVisitor.Site();
        using var phone = FormVisitor.Create(site);
        using var laptop = FormVisitor.Create(site);
        await phone.ConsentAsync();
        using var submitted = await phone.SubmitAsync(new() { ["email"] = "grace@example.com" });
        var download = await DownloadLinkAsync(phone, submitted);

        using var file = await laptop.Http.GetAsync(new Uri(download, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.DoesNotContain(file.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("journey-vid=", StringComparison.Ordinal));
        var record = await site.Services.GetRequiredService<ILeadStore>().RecordAsync((await FormVisitor.LeadsAsync(site)).Single().Id, default);
        Assert.Single(record!.Visitors);
    }

    private static async Task<string> DownloadLinkAsync(FormVisitor visitor, HttpResponseMessage submitted)
    {
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var thanks = await visitor.Http.GetStringAsync(submitted.Headers.Location);
        return WebUtility.HtmlDecode(DownloadHref().Match(thanks).Groups[1].Value);
    }

    private static async Task<string?> StageAsync(FormVisitor visitor) =>
        JsonDocument.Parse(await visitor.Http.GetStringAsync(new Uri("/api/journey/me", UriKind.Relative))).RootElement.GetProperty("stage").GetString();

    [GeneratedRegex("href=\"(/journey/download\\?t=[^\"]+)\"")]
    private static partial Regex DownloadHref();
}
