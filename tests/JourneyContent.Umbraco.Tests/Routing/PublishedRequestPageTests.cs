using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.Tests.Hosting;
using JourneyContent.Umbraco.Tests.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Web;

namespace JourneyContent.Umbraco.Tests.Routing;

/// <summary>
/// The page of a request is the document Umbraco routed, in the culture it routed it in: a path with or without its
/// trailing slash is one page, and a site with a hostname per language, where two documents share a path, tracks and
/// renders each its own.
/// </summary>
public sealed class PublishedRequestPageTests : IAsyncLifetime
{
    private static readonly Guid About = UmbracoRoutingStandIn.KeyOf("about");
    private static readonly Guid Guide = UmbracoRoutingStandIn.KeyOf("guide");

    // One variant document served at /about/ on both hosts (example.com in English, example.fr in French), and an
    // invariant one, which Umbraco serves in the default language wherever it is reached.
    private static readonly ContentItem[] Items =
    [
        Item(About, "en", "about", "/about/", "consideration", "Benchmark of the market", gated: true),
        Item(About, "fr", "a-propos", "/about/", "consideration", "Comparatif du marché", gated: true),
        Item(Guide, "en", "guide", "/guide/", "awareness", "The inbound guide"),
    ];

    private UmbracoSite _site = null!;

    public async Task InitializeAsync() => _site = await UmbracoSite.StartAsync(
        Items,
        configureServices: TemplateController.AddTo,
        configureApp: app =>
        {
            app.UseUmbracoRoutingStandIn(Route);
            app.MapFallbackToController(nameof(TemplateController.Render), "Template");
        });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Two_hosts_that_share_a_path_show_and_track_each_its_own_language_version()
    {
        using var english = Visitor("example.com");
        using var french = Visitor("example.fr");
        await ConsentAsync(english);
        await ConsentAsync(french);

        var englishPage = await english.GetStringAsync("/about/");
        var frenchPage = await french.GetStringAsync("/about/");

        Assert.Contains($"data-item=\"{About:D}:en\"", englishPage, StringComparison.Ordinal);
        Assert.Contains("Work email", englishPage, StringComparison.Ordinal);
        Assert.Contains($"data-item=\"{About:D}:fr\"", frenchPage, StringComparison.Ordinal);
        Assert.Contains("E-mail professionnel", frenchPage, StringComparison.Ordinal);
        Assert.Contains($"data-journey-page=\"{About:D}:fr\"", frenchPage, StringComparison.Ordinal);
        Assert.Equal([$"{About:D}:en"], await ViewedAsync(english));
        Assert.Equal([$"{About:D}:fr"], await ViewedAsync(french));
    }

    [Fact]
    public async Task A_page_requested_without_its_trailing_slash_is_the_same_page_and_is_tracked()
    {
        using var visitor = Visitor("example.com");
        await ConsentAsync(visitor);

        var page = await visitor.GetStringAsync("/about");

        Assert.Contains($"data-item=\"{About:D}:en\"", page, StringComparison.Ordinal);
        Assert.Equal([$"{About:D}:en"], await ViewedAsync(visitor));
    }

    [Fact]
    public async Task Engagement_reported_by_the_page_counts_for_the_item_it_names_not_the_first_item_at_its_path()
    {
        using var visitor = Visitor("example.fr");
        await ConsentAsync(visitor);

        using var engaged = await visitor.PostAsJsonAsync("/api/journey/events", new { type = "engaged", path = "/about/", content = $"{About:D}:fr" });
        using var me = await visitor.GetAsync("/api/journey/me");
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, engaged.StatusCode);
        Assert.Contains(json.RootElement.GetProperty("explanation").EnumerateArray(),
            e => e.GetProperty("type").GetString() == "engaged" && e.GetProperty("contentId").GetString() == $"{About:D}:fr");
    }

    [Fact]
    public async Task An_engagement_naming_an_unknown_item_is_refused_with_a_message_and_stores_nothing()
    {
        using var visitor = Visitor("example.fr");
        await ConsentAsync(visitor);

        using var engaged = await visitor.PostAsJsonAsync("/api/journey/events", new { type = "engaged", path = "/about/", content = "no-such-item" });

        Assert.Equal(HttpStatusCode.BadRequest, engaged.StatusCode);
        Assert.Contains("content does not name a content page.", await engaged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ViewedAsync(visitor));
    }

    [Fact]
    public async Task A_page_umbraco_routes_to_a_document_outside_the_journey_shows_no_form_whatever_its_url()
    {
        // /about/ is a gated item's URL, but Umbraco routed the request to another document: the routed document wins.
        using var visitor = Visitor("example.com");

        var page = await visitor.GetStringAsync("/about/?routed=elsewhere");

        Assert.Contains("Rendered by the site's template", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-item=", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_umbraco_routing_the_page_is_found_by_its_url()
    {
        var accessor = new HybridUmbracoContextAccessor(Substitute.For<IRequestCache>());
        var pages = new PublishedRequestPage(accessor, new FixedContent(Items));
        var context = new DefaultHttpContext();
        context.Request.Path = "/guide";

        Assert.Equal($"{Guide:D}:en", pages.Find(context)?.Id);
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr", "fr")]
    public void A_variant_document_is_the_item_of_its_culture(string culture, string language) =>
        Assert.Equal($"{About:D}:{language}", PublishedRequestPage.Of(Snapshot(), About, culture)?.Id);

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void An_invariant_document_is_its_one_item_whatever_the_culture_of_its_domain(string culture) =>
        Assert.Equal($"{Guide:D}:en", PublishedRequestPage.Of(Snapshot(), Guide, culture)?.Id);

    [Fact]
    public void A_variant_document_in_a_culture_the_module_does_not_serve_is_no_page()
    {
        Assert.Null(PublishedRequestPage.Of(Snapshot(), About, "de-DE"));
        Assert.Null(PublishedRequestPage.Of(Snapshot(), Guid.NewGuid(), "en-US"));
    }

    private static RoutedDocument? Route(HttpRequest request)
    {
        var culture = request.Host.Host == "example.fr" ? "fr-FR" : "en-US";
        if (request.Query.ContainsKey("routed"))
        {
            return new RoutedDocument(UmbracoRoutingStandIn.KeyOf("elsewhere"), culture);
        }

        return (request.Path.Value ?? "/").TrimEnd('/') switch
        {
            "/about" => new RoutedDocument(About, culture),
            "/guide" => new RoutedDocument(Guide, culture),
            _ => null,
        };
    }

    private static ContentSnapshot Snapshot() => new(Items, [], DateTimeOffset.UnixEpoch);

    private HttpClient Visitor(string host)
    {
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = _site.App.GetTestServer().CreateHandler() }) { BaseAddress = new Uri($"http://{host}") };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36");
        return client;
    }

    private static async Task ConsentAsync(HttpClient visitor)
    {
        using var response = await visitor.PostAsJsonAsync("/api/journey/consent", new { accept = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The items whose view the module recorded for this visitor, as <c>/api/journey/me</c> explains them.</summary>
    private static async Task<string[]> ViewedAsync(HttpClient visitor)
    {
        using var response = await visitor.GetAsync("/api/journey/me");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("explanation").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "view")
            .Select(e => e.GetProperty("contentId").GetString() ?? "(none)")];
    }

    private static ContentItem Item(Guid key, string language, string slug, string url, string stage, string title, bool gated = false) => new()
    {
        Id = $"{key:D}:{language}", TranslationKey = key.ToString("D"), Slug = slug, Language = language, Title = title, Kind = gated ? "comparison-benchmark" : "blog-post",
        Url = url, Stage = stage, Summary = title + ".", BodyText = title, GatedAsset = gated ? $"/media/{slug}.pdf" : null, Topics = ["platforms"],
    };

    private sealed class FixedContent(IEnumerable<ContentItem> items) : IContentSource
    {
        public ContentSnapshot Current { get; } = new(items, [], DateTimeOffset.UnixEpoch);

        public event EventHandler<ContentChangedEventArgs>? Changed { add { } remove { } }
    }
}
