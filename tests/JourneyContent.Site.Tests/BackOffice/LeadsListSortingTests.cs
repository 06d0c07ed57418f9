using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Editing;
using JourneyContent.Leads;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>The leads list shows each lead's source and gated asset, sorts by a column on the server, and keeps the order with the pager and the filter.</summary>
public sealed partial class LeadsListSortingTests
{
    [Fact]
    public async Task The_list_shows_source_and_gated_asset_and_sorts_by_source_in_both_directions()
    {
        using var site = FormVisitor.Site();
        var leads = site.Services.GetRequiredService<ILeadStore>();
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var gated = site.Content.Items.First(i => i.IsGated);
        foreach (var (email, source, minutes) in new[] { ("b@example.com", "newsletter", 1), ("a@example.com", "linkedin", 2), ("c@example.com", (string?)null, 3) })
        {
            await leads.CaptureAsync(new LeadCapture { Email = email, Language = "en", ContentId = gated.Id, Source = new LeadSource { UtmSource = source }, At = now.AddMinutes(-minutes) }, default);
        }

        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var newest = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads", UriKind.Relative));
        var ascending = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?sort=source", UriKind.Relative));
        var descending = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?sort=source&dir=desc", UriKind.Relative));

        Assert.Equal(["b@example.com", "a@example.com", "c@example.com"], Emails(newest));
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], Emails(ascending));
        Assert.Equal(["b@example.com", "a@example.com", "c@example.com"], Emails(descending));
        Assert.Contains("<td>linkedin</td>", ascending, StringComparison.Ordinal);
        Assert.Contains("<td>" + WebUtility.HtmlEncode(gated.Title) + "</td>", ascending, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\" data-sort=\"source\"", ascending, StringComparison.Ordinal);
        Assert.Contains("data-sort=\"source\"><a href=\"?q=&amp;stage=&amp;page=1&amp;sort=source&amp;dir=desc\"", ascending, StringComparison.Ordinal);
        Assert.Contains(" UTC</td>", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_is_kept_by_the_pager_and_the_filter_and_an_unknown_column_falls_back_to_newest_first()
    {
        using var site = FormVisitor.Site();
        var leads = site.Services.GetRequiredService<ILeadStore>();
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < 60; i++)
        {
            await leads.CaptureAsync(new LeadCapture { Email = $"lead{i:00}@example.com", Language = "en", ContentId = "en/x", Stage = "decision", At = now.AddMinutes(-i) }, default);
        }

        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var first = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?stage=decision&sort=email&dir=asc", UriKind.Relative));
        var second = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?stage=decision&sort=email&dir=asc&page=2", UriKind.Relative));
        using var unknown = await marketer.Http.GetAsync(new Uri("/journey/admin/leads?sort=%27%3BDROP%20TABLE%20leads&dir=sideways", UriKind.Relative));

        Assert.Equal("lead00@example.com", Emails(first)[0]);
        Assert.Equal("lead50@example.com", Emails(second)[0]);
        Assert.Contains("rel=\"next\" href=\"?q=&amp;stage=decision&amp;page=2&amp;sort=email&amp;dir=asc\"", first, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"sort\" value=\"email\">", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("lead00@example.com", Emails(await unknown.Content.ReadAsStringAsync())[0]);
    }

    private static List<string> Emails(string html) => [.. LeadLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("href=\"/journey/admin/leads/[0-9a-f]+\">([^<]+)</a>")]
    private static partial Regex LeadLink();
}
