using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.Pages;

/// <summary>
/// A third language is a resx file and a configuration entry, nothing else: the demo site configured for en, fr and de,
/// with one German document, speaks German on its page, in its form errors and in its mail.
/// </summary>
public sealed partial class GermanSiteTests
{
    private const string Page = "/de/marketing-automation-vergleich-2026";

    [Fact]
    public async Task A_german_page_has_german_lang_header_footer_consent_and_form()
    {
        using var site = GermanSite();
        using var visitor = FormVisitor.Create(site);

        var html = await visitor.PageAsync(Page);

        Assert.Matches(HtmlLang(), html);
        Assert.Empty(PageWords.EnglishOn(html, "de"));
        PageWords.AssertShows(html, "de", "SkipToContent", "MainNavigation", "Home", "NavProduct", "NavResources", "SearchLabel", "Footer", "FooterByStage", "FooterLegal",
            "ConsentTitle", "ConsentText", "ConsentAccept", "ConsentRefuse", "FormField.email", "FormSubmit", "FormConsentDefault");
        Assert.Contains(">Entscheidung</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Abwägung</", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_error_on_a_german_page_is_german()
    {
        using var site = GermanSite();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada-at-example.com" }, Page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"gf-email-error\">Geben Sie eine E-Mail-Adresse wie name@firma.de ein.</p>", html, StringComparison.Ordinal);
        Assert.Empty(PageWords.EnglishOn(html, "de"));
    }

    [Fact]
    public async Task The_mail_of_a_german_form_is_german_in_the_pickup_folder()
    {
        using var site = GermanSite();
        using var visitor = FormVisitor.Create(site);

        using var response = await visitor.SubmitAsync(new() { ["email"] = "ada@example.com", ["first_name"] = "Ada" }, Page);
        var mail = Assert.Single(await DeliveryTests.PickedUpAsync(site, 1));
        var thanks = await visitor.Http.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("Ihr Download: Marketing-Automation-Plattformen im Vergleich", mail.Subject);
        Assert.StartsWith("Hallo Ada,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vielen Dank für Ihr Interesse an „Marketing-Automation-Plattformen im Vergleich“. Hier ist Ihr Download-Link:", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches(GermanDate(), mail.TextBody);
        Assert.Contains("<html lang=\"de\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Matches(HtmlLang(), thanks);
        Assert.Empty(PageWords.EnglishOn(thanks, "de"));
        PageWords.AssertShows(thanks, "de", "ThankYouTitle", "ThankYouDownload", "Footer");
    }

    /// <summary>The demo site with German added to its languages (one configuration entry) and one gated German document.</summary>
    private static DemoSite GermanSite()
    {
        var site = FormVisitor.Site().With("JourneyContent:Languages:2", "de");
        // No stage labels configured: the built-in German ones (and the demo appsettings' German) are used.

        site.WriteContent("de/marketing-automation-vergleich-2026.md", """
            ---
            title: "Marketing-Automation-Plattformen im Vergleich"
            slug: marketing-automation-vergleich-2026
            kind: comparison-benchmark
            stage: consideration
            topics: [marketing-automation]
            language: de
            summary: "Fünf Plattformtypen, sieben gewichtete Kriterien und ein realistisches Szenario."
            date: 2026-03-03
            gated_asset: assets/marketing-automation-benchmark-2026-en.pdf
            translation_key: benchmark-2026
            ---

            Die Wahl einer Plattform bindet ein Team für mehrere Jahre. Dieser Vergleich legt seine Methode offen.
            """);
        return site;
    }

    [GeneratedRegex("<html lang=\"de\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex(@"bis zum \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} gültig")]
    private static partial Regex GermanDate();
}
