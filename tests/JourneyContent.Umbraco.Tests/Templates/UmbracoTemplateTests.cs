using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Content;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.AspNetCore.Builder;

namespace JourneyContent.Umbraco.Tests.Templates;

/// <summary>
/// The module's tag helpers in a site template, the way an Umbraco site uses them: the page is the document Umbraco
/// routed, and a refused form comes back in the template with its errors. Umbraco's routing and render controller are
/// stood in for (<see cref="UmbracoRoutingStandIn"/>, <see cref="TemplateController"/>).
/// </summary>
public sealed partial class UmbracoTemplateTests : IAsyncLifetime
{
    private UmbracoSite _site = null!;

    private static readonly ContentItem[] Items =
        [
            Item("en", "what-is-inbound", "awareness", "blog-post", "What is inbound marketing"),
            Item("en", "inbound-guide", "awareness", "white-paper", "The inbound guide", gated: true),
            Item("en", "market-benchmark", "consideration", "comparison-benchmark", "Benchmark of the market's solutions", gated: true),
            Item("en", "choosing-a-platform", "consideration", "blog-post", "Choosing a platform"),
            Item("en", "pricing-questions", "consideration", "case-study", "How Nordlys chose"),
            Item("en", "free-trial", "decision", "trial-cta", "Start your free trial"),
            Item("fr", "comparatif", "consideration", "comparison-benchmark", "Comparatif des solutions du marché", gated: true),
            Item("fr", "choisir-une-plateforme", "consideration", "blog-post", "Choisir une plateforme"),
            Item("fr", "inbound-en-bref", "awareness", "blog-post", "L'inbound en bref"),
        ];

    public async Task InitializeAsync() => _site = await UmbracoSite.StartAsync(
        Items,
        new Dictionary<string, string?> { ["JourneyContent:Forms:MinimumFillTime"] = "00:00:00" },
        TemplateController.AddTo,
        app =>
        {
            app.UseUmbracoRoutingStandIn(UmbracoRoutingStandIn.ByUrl(Items));
            app.MapFallbackToController("Render", "Template");
        });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_template_shows_the_form_the_call_to_action_the_next_content_and_the_consent_banner_of_its_page()
    {
        var page = await Browser().GetStringAsync("/en/market-benchmark/");

        Assert.Matches("<form method=\"post\" action=\"/en/market-benchmark/\"", page);
        Assert.Contains("name=\"form_stamp\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"journey-next\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/choosing-a-platform/\"", page, StringComparison.Ordinal);
        Assert.Contains("data-journey-cta", page, StringComparison.Ordinal);
        Assert.Contains("class=\"consent-banner\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_is_not_journey_content_has_no_form_and_suggests_content_in_its_own_language()
    {
        var client = Browser();

        var page = await client.GetStringAsync("/fr/contact/");

        Assert.Contains("Rendered by the site's template", page, StringComparison.Ordinal);
        Assert.DoesNotContain("lead-form", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/fr/inbound-en-bref/\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/en/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_french_form_comes_back_in_the_template_with_the_french_error_and_the_input_kept()
    {
        var client = Browser();
        using var first = await client.GetAsync("/fr/comparatif/");
        var page = await first.Content.ReadAsStringAsync();
        var cookie = first.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var form = page[page.IndexOf("class=\"lead-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = Hidden().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["email"] = "ada-arobase-exemple";
        fields["consent"] = "true";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/fr/comparatif/") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(post);

        var again = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Saisissez une adresse e-mail comme nom@entreprise.fr.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"ada-arobase-exemple\"", again, StringComparison.Ordinal);
        Assert.Contains("Rendered by the site's template", again, StringComparison.Ordinal);
    }

    /// <summary>A client that looks like a browser: the module asks bots for nothing and shows them no banner.</summary>
    private HttpClient Browser()
    {
        var client = _site.Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36");
        return client;
    }

    private static ContentItem Item(string language, string slug, string stage, string kind, string title, bool gated = false) => new()
    {
        Id = $"{UmbracoRoutingStandIn.KeyOf(slug):D}:{language}", TranslationKey = UmbracoRoutingStandIn.KeyOf(slug).ToString("D"), Slug = slug, Language = language, Title = title, Kind = kind, Url = $"/{language}/{slug}/", Stage = stage,
        Summary = title + ".", BodyText = title, GatedAsset = gated ? $"/media/{slug}.pdf" : null, Topics = ["platforms"],
    };

    [GeneratedRegex("<input (?=[^>]*type=\"hidden\")(?=[^>]*name=\"([^\"]+)\")(?=[^>]*value=\"([^\"]*)\")[^>]*>")]
    private static partial Regex Hidden();
}
