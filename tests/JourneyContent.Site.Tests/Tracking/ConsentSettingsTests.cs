using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Testing;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>
/// "You can change your mind at any time": every page's footer leads to the cookie settings on the privacy page, which
/// say what is in force and change it, and a choice lasts the consent lifetime, after which the banner asks again.
/// </summary>
public sealed partial class ConsentSettingsTests : IDisposable
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "jc-consent-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Theory]
    [InlineData("/en", "/en/privacy#cookie-settings", "Cookie settings")]
    [InlineData("/fr", "/fr/privacy#cookie-settings", "Paramètres des cookies")]
    [InlineData("/en/privacy", "/en/privacy#cookie-settings", "Cookie settings")]
    public async Task Every_footer_links_to_the_cookie_settings_in_the_pages_language(string page, string href, string text)
    {
        using var site = Site();
        using var visitor = Visitor(site);

        var html = await visitor.GetStringAsync(page);

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"{href}\">{text}</a>", footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "ConsentStateNone", "You have not chosen yet")]
    [InlineData("granted", null, "ConsentStateGranted", "You accepted")]
    [InlineData("denied", null, "ConsentStateDenied", "You refused")]
    [InlineData("granted", "1", "ConsentStateBrowser", "Your browser asks sites not to track you")]
    public async Task The_privacy_page_says_which_choice_is_in_force(string? cookie, string? gpc, string state, string text)
    {
        using var site = Site();
        using var visitor = Visitor(site);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/privacy");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{TrackingRequest.ConsentCookie}={cookie}");
        }

        if (gpc is not null)
        {
            request.Headers.Add("Sec-GPC", gpc);
        }

        using var response = await visitor.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"id=\"cookie-settings\" aria-labelledby=\"consent-settings-title\" data-consent-state=\"{state}\"", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("Your choice is kept for 180 days; then we ask again.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_accepted_refuses_from_the_privacy_page_and_comes_back_to_the_settings_with_tracking_stopped()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        using var accepted = await visitor.SendAsync(ConsentForm(await visitor.GetStringAsync("/en/privacy"), accept: true));
        var afterAccept = await visitor.GetStringAsync("/en/privacy");

        using var refused = await visitor.SendAsync(ConsentForm(afterAccept, accept: false));
        var afterRefusal = await visitor.GetStringAsync("/en/privacy");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/en/privacy#cookie-settings", refused.Headers.Location?.ToString());
        Assert.Contains("data-consent-state=\"ConsentStateGranted\"", afterAccept, StringComparison.Ordinal);
        Assert.Contains("data-consent-state=\"ConsentStateDenied\"", afterRefusal, StringComparison.Ordinal);
        Assert.Contains(refused.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TrackingRequest.VisitorCookie + "=;", StringComparison.Ordinal));
        Assert.DoesNotContain("/journey/journey.js", afterRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_lasts_the_consent_lifetime_so_the_banner_asks_again_after_six_months()
    {
        using var site = Site();
        using var visitor = Visitor(site);

        using var accepted = await visitor.SendAsync(ConsentForm(await visitor.GetStringAsync("/en/privacy"), accept: true));

        var cookie = Assert.Single(accepted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TrackingRequest.ConsentCookie + "=granted", StringComparison.Ordinal));
        Assert.Contains("max-age=15552000", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_banner_is_the_first_thing_in_the_page_before_the_skip_link_and_the_header()
    {
        using var site = Site();
        using var visitor = Visitor(site);

        var html = await visitor.GetStringAsync("/en");

        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        var banner = body.IndexOf("data-slot=\"consent-banner\"", StringComparison.Ordinal);
        Assert.InRange(banner, 0, body.IndexOf("class=\"skip-link\"", StringComparison.Ordinal));
        Assert.True(banner < body.IndexOf("<header", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "Thank you: you accepted.")]
    [InlineData(false, "Thank you: you refused.")]
    public async Task After_the_banner_the_page_confirms_the_choice_once_and_takes_the_focus(bool accept, string confirmation)
    {
        using var site = Site();
        using var visitor = Visitor(site);
        var page = await visitor.GetStringAsync("/en/topics");

        using var chosen = await visitor.SendAsync(ConsentForm(page, accept, "data-slot=\"consent-banner\""));
        var back = await visitor.GetStringAsync(chosen.Headers.Location!.ToString());
        var later = await visitor.GetStringAsync("/en/topics");

        Assert.Equal("/en/topics", chosen.Headers.Location?.ToString());
        Assert.Contains("data-slot=\"consent-saved\" role=\"status\" tabindex=\"-1\" autofocus", back, StringComparison.Ordinal);
        Assert.Contains(confirmation, back, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/en/privacy#cookie-settings\">Change your choice in the cookie settings</a>", back, StringComparison.Ordinal);
        Assert.DoesNotContain("data-slot=\"consent-banner\"", back, StringComparison.Ordinal);
        Assert.DoesNotContain("consent-saved", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_made_in_the_settings_is_shown_there_and_not_confirmed_again_at_the_top()
    {
        using var site = Site();
        using var visitor = Visitor(site);

        using var chosen = await visitor.SendAsync(ConsentForm(await visitor.GetStringAsync("/fr/privacy"), accept: true));
        var back = await visitor.GetStringAsync("/fr/privacy");

        Assert.Contains("data-consent-state=\"ConsentStateGranted\"", back, StringComparison.Ordinal);
        Assert.DoesNotContain("consent-saved", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_is_in_the_pages_language()
    {
        using var site = Site();
        using var visitor = Visitor(site);
        var page = await visitor.GetStringAsync("/fr/topics");

        using var chosen = await visitor.SendAsync(ConsentForm(page, accept: false, "data-slot=\"consent-banner\""));
        var back = await visitor.GetStringAsync("/fr/topics");

        Assert.Contains("Merci : vous avez refusé.", back, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/fr/privacy#cookie-settings\">", back, StringComparison.Ordinal);
    }

    private DemoSite Site() => new DemoSite().With("JourneyContent:DataPath", _dataPath);

    private static HttpClient Visitor(DemoSite site)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    /// <summary>The settings' (or the banner's) form as the browser sends it, with its antiforgery token and return address.</summary>
    private static HttpRequestMessage ConsentForm(string page, bool accept, string block = "id=\"cookie-settings\"")
    {
        var settings = page[page.IndexOf(block, StringComparison.Ordinal)..];
        var fields = Hidden().Matches(settings[..settings.IndexOf("</form>", StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["accept"] = accept ? "true" : "false";
        return new HttpRequestMessage(HttpMethod.Post, "/api/journey/consent") { Content = new FormUrlEncodedContent(fields) };
    }

    [GeneratedRegex("<input (?=[^>]*type=\"hidden\")(?=[^>]*name=\"([^\"]+)\")(?=[^>]*value=\"([^\"]*)\")[^>]*>")]
    private static partial Regex Hidden();
}
