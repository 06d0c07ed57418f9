using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using JourneyContent.Stages;

namespace JourneyContent.Site.Tests.Pages;

[Collection(DemoSiteCollection.Name)]
public sealed partial class PublicPagesTests(DemoSiteFixture fixture)
{
    // The site writes non-ASCII text as is and encodes only HTML's special characters.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("en", "Awareness", "Consideration")]
    [InlineData("fr", "Découverte", "Considération")]
    public async Task The_footer_names_the_stage_pages_in_the_pages_language(string language, string first, string second)
    {
        var html = await GetPage("/" + language);

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-stage=\"awareness\">{Encoder.Encode(first)}</a>", footer, StringComparison.Ordinal);
        Assert.Contains($"data-stage=\"consideration\">{Encoder.Encode(second)}</a>", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_has_a_favicon_where_browsers_and_crawlers_look_for_it_and_the_pages_name_it()
    {
        using var icon = await _client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        var html = await GetPage("/en");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_links_to_tagged_content_of_its_language_only()
    {
        var html = await GetPage("/fr");

        var french = fixture.Site.Content.InLanguage("fr").First(i => !i.IsUntagged);
        Assert.Contains($"href=\"{french.Url}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/en/", html.Replace("hreflang=\"en\" href=\"/en\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "decision", "Decision")]
    [InlineData("fr", "decision", "Décision")]
    [InlineData("en", "consideration", "Consideration")]
    [InlineData("fr", "consideration", "Considération")]
    public async Task Content_page_shows_title_body_and_stage_label_in_its_language(string language, string stage, string label)
    {
        var item = fixture.Site.Content.InLanguage(language).First(i => i.Stage == stage);

        var html = await GetPage(item.Url);

        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{Encoder.Encode(item.Title)}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"data-stage=\"{stage}\">{label}</span>", html, StringComparison.Ordinal);
        var firstBodyWords = item.BodyText.Split(' ').Take(3);
        Assert.All(firstBodyWords, word => Assert.Contains(Encoder.Encode(word), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Language_switch_links_to_the_translation_through_its_translation_key()
    {
        var english = fixture.Site.Content.InLanguage("en").First(i => !i.IsUntagged && i.TranslationKey is not null && fixture.Site.Content.Translation(i, "fr") is not null);
        var french = fixture.Site.Content.Translation(english, "fr")!;

        var html = await GetPage(english.Url);

        Assert.Contains($"<a href=\"{french.Url}\" hreflang=\"fr\" lang=\"fr\" rel=\"alternate\">Français</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"fr\" href=\"http://localhost{french.Url}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_listing_shows_every_item_of_the_topic_in_the_language()
    {
        var topic = fixture.Site.Content.InLanguage("en").SelectMany(i => i.Topics).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        var expected = fixture.Site.Content.WithTopic("en", topic).Where(i => !i.IsUntagged).ToList();

        var html = await GetPage($"/en/topics/{topic}");

        Assert.All(expected, item => Assert.Contains($"href=\"{item.Url}\"", html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "/fr")]
    [InlineData("en-US,en;q=0.9", "/en")]
    [InlineData("de-DE", "/en")]
    public async Task Root_redirects_to_the_visitors_preferred_language(string acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/fr/cette-page-n-existe-pas", "fr", "Page introuvable")]
    [InlineData("/en/no-such-page", "en", "Page not found")]
    [InlineData("/en/topics/no-such-topic", "en", "Page not found")]
    [InlineData("/xx/anything", "en", "Page not found")]
    public async Task Unknown_pages_answer_404_with_a_page_in_the_visitors_language(string path, string language, string title)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/{language}/stages/awareness\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await _client.GetAsync(new Uri("/en", UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Theme_stylesheet_and_stage_colours_are_served()
    {
        using var css = await _client.GetAsync(new Uri("/theme/css/site.css", UriKind.Relative));
        var stages = await _client.GetStringAsync(new Uri("/journey/stages.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.All(StageModel.Default.Stages, stage => Assert.Contains($"[data-stage=\"{stage.Key}\"]{{--stage-color:{stage.Color}}}", stages, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/en")]
    [InlineData("/fr/topics")]
    public async Task Pages_answer_head_requests(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Root_redirect_varies_by_language_preference()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("Cookie", response.Headers.Vary);
    }

    [Theory]
    [InlineData("en", "awareness", "Awareness")]
    [InlineData("fr", "advocacy", "Recommandation")]
    public async Task Stage_page_lists_every_item_of_the_stage_in_the_language(string language, string stage, string label)
    {
        var expected = fixture.Site.Content.InLanguage(language).Where(i => i.Stage == stage).ToList();
        var others = fixture.Site.Content.InLanguage(language).Where(i => i.Stage is not null && i.Stage != stage).ToList();

        var page = await GetPage($"/{language}/stages/{stage}");

        // The listing itself: the header and footer link the company pages (pricing, customers) whatever their stage.
        var html = Between(page, "<main", "</main>");
        Assert.Contains($"<h1>{Encoder.Encode(label)}</h1>", html, StringComparison.Ordinal);
        Assert.NotEmpty(expected);
        Assert.All(expected, item => Assert.Contains($"href=\"{item.Url}\"", html, StringComparison.Ordinal));
        Assert.All(others, item => Assert.DoesNotContain($"href=\"{item.Url}\"", html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Pricing", "Customers", "Book a demo")]
    [InlineData("fr", "Tarifs", "Clients", "Demander une démo")]
    public async Task The_main_navigation_is_a_company_sites_with_a_demo_button_and_the_stage_pages_only_in_the_footer(string language, string pricing, string customers, string demo)
    {
        var html = await GetPage($"/{language}");

        var nav = Between(html, "<nav class=\"main-nav\"", "</nav>");
        var header = Between(html, "<header class=\"site-header\"", "</header>");
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        var pricingPage = fixture.Site.Content.WithTranslationKey("pricing").Single(i => i.Language == language);
        var demoPage = fixture.Site.Content.WithTranslationKey("demo").Single(i => i.Language == language);
        Assert.Contains($"<a href=\"{pricingPage.Url}\">{Encoder.Encode(pricing)}</a>", nav, StringComparison.Ordinal);
        Assert.Contains($">{Encoder.Encode(customers)}</a>", nav, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button header-cta\" href=\"{demoPage.Url}\">{Encoder.Encode(demo)}</a>", header, StringComparison.Ordinal);
        Assert.DoesNotContain("/stages/", header, StringComparison.Ordinal);
        Assert.All(StageModel.Default.Stages, stage => Assert.Contains($"href=\"/{language}/stages/{stage.Key}\"", footer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_home_page_shows_the_customer_stories_and_no_stage_badges_on_cards()
    {
        var html = await GetPage("/en");

        var stories = fixture.Site.Content.InLanguage("en").Where(i => i.Kind == "case-study").ToList();
        Assert.NotEmpty(stories);
        Assert.All(stories, story => Assert.Contains($"href=\"{story.Url}\"", Between(html, "class=\"proof\"", "</section>"), StringComparison.Ordinal));
        Assert.DoesNotContain("class=\"stage-badge\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"product\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gated_items_form_comes_right_after_its_summary_before_the_article()
    {
        var gated = fixture.Site.Content.InLanguage("en").First(i => i.IsGated);

        var html = await GetPage(gated.Url);

        var form = html.IndexOf("data-slot=\"gated-download\"", StringComparison.Ordinal);
        Assert.InRange(form, html.IndexOf("class=\"lead\"", StringComparison.Ordinal), html.IndexOf("<div class=\"prose\">", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_stage_answers_404()
    {
        using var response = await _client.GetAsync(new Uri("/en/stages/purchase", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Topics_page_links_to_every_topic_of_the_language()
    {
        var html = await GetPage("/fr/topics");

        Assert.Contains("<h1>Thématiques</h1>", html, StringComparison.Ordinal);
        Assert.All(fixture.Site.Content.InLanguage("fr").SelectMany(i => i.Topics).Distinct(), topic =>
            Assert.Contains($"href=\"/fr/topics/{topic}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Content_pages_carry_the_gated_download_the_call_to_action_and_next_for_you()
    {
        var gated = fixture.Site.Content.InLanguage("en").First(i => i.IsGated && !i.IsUntagged);
        var open = fixture.Site.Content.InLanguage("en").First(i => !i.IsGated && !i.IsUntagged);

        var gatedHtml = await GetPage(gated.Url);
        var openHtml = await GetPage(open.Url);

        Assert.Contains($"data-slot=\"gated-download\" data-item=\"{gated.Id}\"", gatedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-slot=\"gated-download\"", openHtml, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"journey-cta\"", openHtml, StringComparison.Ordinal);
        Assert.Contains("<section class=\"journey-next\"", openHtml, StringComparison.Ordinal);
        Assert.Contains("data-slot=\"consent-banner\"", openHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var html = await GetPage("/en");

        // Only the site's own files: the CSP (script-src 'self') would refuse anything else.
        Assert.All(ScriptTag().Matches(html), script => Assert.Matches("^<script src=\"/[^/\"][^\"]*\"( defer)?>$", script.Value));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ScriptTag();

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"No {start} in the page.");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private async Task<string> GetPage(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return html;
    }
}
