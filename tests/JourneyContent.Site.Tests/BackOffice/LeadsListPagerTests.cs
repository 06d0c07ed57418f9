using System.Net;
using JourneyContent.Leads;
using JourneyContent.Editing;
using JourneyContent.Testing;
using JourneyContent.Site.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>The leads list says how many leads there are and which of them it shows, and pages through all of them.</summary>
public sealed class LeadsListPagerTests
{
    [Fact]
    public async Task A_marketer_pages_through_120_leads_fifty_at_a_time_with_the_filter_kept()
    {
        using var site = FormVisitor.Site();
        var leads = site.Services.GetRequiredService<ILeadStore>();
        // The site's own clock: lead retention and "last activity" read it too.
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < 120; i++)
        {
            await leads.CaptureAsync(new LeadCapture { Email = $"lead{i:000}@example.com", Language = "en", ContentId = "en/x", Stage = "consideration", At = now.AddMinutes(-i) }, default);
        }

        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);
        var first = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?stage=consideration", UriKind.Relative));
        var last = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads?stage=consideration&page=3", UriKind.Relative));

        Assert.Contains("120 leads. Showing 1–50 of 120.", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"?q=&amp;stage=consideration&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("Showing 101–120 of 120.", WebUtility.HtmlDecode(last), StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\" href=\"?q=&amp;stage=consideration&amp;page=2\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(last, "href=\"/journey/admin/leads/[0-9a-f]+\"").Count);
        Assert.DoesNotContain("lead(s)", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_lead_is_counted_in_the_singular_and_needs_no_pager()
    {
        using var site = FormVisitor.Site();
        await site.Services.GetRequiredService<ILeadStore>().CaptureAsync(new LeadCapture { Email = "one@example.com", Language = "en", ContentId = "en/x", At = site.Services.GetRequiredService<TimeProvider>().GetUtcNow() }, default);
        using var marketer = await BackOfficeClient.SignedInAsync(site, JourneyRoles.Marketer);

        var page = await marketer.Http.GetStringAsync(new Uri("/journey/admin/leads", UriKind.Relative));

        Assert.Contains("<p id=\"leads-total\">1 lead. </p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", page, StringComparison.Ordinal);
    }
}

/// <summary>Each role lands on a page it may see when it opens the back office.</summary>
public sealed class BackOfficeLandingTests
{
    [Theory]
    [InlineData(JourneyRoles.Editor, "/journey/admin/content")]
    [InlineData(JourneyRoles.Admin, "/journey/admin/content")]
    [InlineData(JourneyRoles.Marketer, "/journey/admin/reports")]
    public async Task The_back_office_home_sends_each_role_to_a_page_it_may_open(string role, string landing)
    {
        using var site = FormVisitor.Site();
        using var user = await BackOfficeClient.SignedInAsync(site, role);

        using var home = await user.Http.GetAsync(new Uri("/journey/admin", UriKind.Relative));
        using var page = await user.Http.GetAsync(home.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(landing, home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
