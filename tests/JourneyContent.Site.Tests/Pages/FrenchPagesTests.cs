using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Forms;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Web.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Pages;

/// <summary>The pages a French visitor reaches outside <c>/fr/…</c> URLs (thank-you, link problems, 429) are French, header and footer included.</summary>
public sealed partial class FrenchPagesTests
{
    // Far in the past whatever the clock says, so the link is expired without waiting for anything.
    private static readonly DateTimeOffset LongAgo = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The frame around every page: skip link, navigation, search, footer and the consent banner.
    private static readonly string[] Frame = ["SkipToContent", "MainNavigation", "Home", "NavResources", "NavPricing", "HeaderCta", "SearchLabel", "Footer", "FooterLegal", "ConsentTitle", "ConsentText", "ConsentAccept"];

    [Fact]
    public async Task The_thank_you_page_of_a_french_form_is_french_with_its_header_and_footer()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new(), FormVisitor.BenchmarkFr);
        var html = await visitor.Http.GetStringAsync(response.Headers.Location);

        AssertFrench(html, [.. Frame, "ThankYouTitle", "ThankYouDownload", "ThankYouButton", "ThankYouBack"]);
    }

    [Fact]
    public async Task The_expired_link_page_of_a_french_document_is_french_with_its_header_and_footer()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);
        (await visitor.SubmitAsync(new(), FormVisitor.BenchmarkFr)).Dispose();
        var lead = Assert.Single(await FormVisitor.LeadsAsync(site));
        var expired = site.Services.GetRequiredService<SigningKeys>().Links.Create(
            new LinkClaims(LinkClaims.Download, lead.Id, "fr/comparatif-plateformes-marketing-automation-2026", LongAgo));

        using var page = await visitor.Http.GetAsync(new Uri(GatedFormService.DownloadPath(expired), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        AssertFrench(await page.Content.ReadAsStringAsync(), [.. Frame, "DownloadExpiredTitle", "DownloadExpiredText", "DownloadRenewButton"]);
    }

    [Fact]
    public async Task The_invalid_link_page_is_in_the_visitors_language_when_the_link_names_no_document()
    {
        using var site = FormVisitor.Site();
        using var visitor = FormVisitor.Create(site);
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");

        using var page = await visitor.Http.GetAsync(new Uri(GatedFormService.DownloadPath("forged.token"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        AssertFrench(await page.Content.ReadAsStringAsync(), [.. Frame, "DownloadTamperedTitle", "DownloadTamperedText", "BackHome"]);
    }

    [Fact]
    public async Task The_429_page_of_a_french_form_is_french_with_its_header_and_footer()
    {
        using var site = FormVisitor.Site().With("JourneyContent:Forms:PerIpLimit", "1");
        using var visitor = FormVisitor.Create(site);
        (await visitor.SubmitAsync(new() { ["email"] = "first@example.com" }, FormVisitor.BenchmarkFr)).Dispose();

        using var refused = await visitor.SubmitAsync(new() { ["email"] = "second@example.com" }, FormVisitor.BenchmarkFr);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertFrench(await refused.Content.ReadAsStringAsync(), [.. Frame, "TooManyTitle", "TooManyText", "BackHome"]);
    }

    private static void AssertFrench(string html, string[] frenchKeys)
    {
        Assert.Matches(HtmlLang(), html);
        Assert.Empty(PageWords.EnglishOn(html, "fr"));
        PageWords.AssertShows(html, "fr", frenchKeys);
    }

    [GeneratedRegex("<html lang=\"fr\"")]
    private static partial Regex HtmlLang();
}
