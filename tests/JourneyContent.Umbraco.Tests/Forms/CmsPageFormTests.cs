using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using JourneyContent.Content;
using JourneyContent.Leads;
using JourneyContent.Umbraco.Tests.Hosting;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Umbraco.Cms.Core.IO;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Scoping;
using UmbracoHosting = Umbraco.Cms.Core.Hosting.IHostingEnvironment;

namespace JourneyContent.Umbraco.Tests.Forms;

/// <summary>
/// A gated form on a page Umbraco renders: the module's page filter takes the post before Umbraco's render controller
/// (stood in for by <see cref="UmbracoPageStandInController"/>) renders the page, links the lead to the signed-in member,
/// and serves the file from the media file system.
/// </summary>
public sealed class CmsPageFormTests : IAsyncLifetime
{
    private const string MemberHeader = "X-Test-Member";
    private const string PagePath = "/en/market-benchmark/";
    private static readonly Guid MemberKey = Guid.Parse("5c0ffee0-0000-4000-8000-000000000042");
    private readonly string _media = Directory.CreateTempSubdirectory("jc-media-").FullName;
    private UmbracoSite _site = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_media, "k2lb"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(_media, "k2lb", "benchmark.pdf"), "%PDF-1.4 benchmark");
        var key = UmbracoRoutingStandIn.KeyOf("benchmark");
        ContentItem[] items =
        [
            new ContentItem
            {
                Id = $"{key:D}:en", TranslationKey = key.ToString("D"), Slug = "market-benchmark", Language = "en", Title = "Benchmark of the market's solutions",
                Kind = "benchmark", Url = PagePath, Stage = "consideration", GatedAsset = "/media/k2lb/benchmark.pdf",
            },
        ];
        _site = await UmbracoSite.StartAsync(
            items,
            new Dictionary<string, string?> { ["JourneyContent:Forms:MinimumFillTime"] = "00:00:00" },
            builder =>
            {
                builder.Services.AddSingleton(MediaFiles(_media));
                builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderMemberScheme>(IdentityConstants.ApplicationScheme, _ => { });
                builder.Services.AddControllers().AddApplicationPart(typeof(CmsPageFormTests).Assembly);
            },
            app =>
            {
                // What the page's template does through the form's view component: a stamp and an antiforgery token.
                app.MapGet("/test/form", async (HttpContext context, IContentSource content, GatedFormService forms, IAntiforgery antiforgery) =>
                {
                    var model = await forms.PrepareAsync(context, content.Current.FindByUrl(PagePath)!);
                    var tokens = antiforgery.GetAndStoreTokens(context);
                    return Results.Json(new { stamp = model.Stamp, token = tokens.RequestToken });
                });
                app.UseUmbracoRoutingStandIn(UmbracoRoutingStandIn.ByUrl(items));
                app.MapFallbackToController(nameof(UmbracoPageStandInController.Index), "UmbracoPageStandIn");
            });
        var member = Member();
        _site.Members.GetById(42).Returns(member);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_media, recursive: true);
    }

    [Fact]
    public async Task A_signed_in_member_who_fills_the_form_becomes_a_lead_linked_to_the_member_and_downloads_the_media_file()
    {
        using var client = Visitor(member: true);
        var form = await FormAsync(client);

        using var response = await client.PostAsync(PagePath, Fields(form, "ada@example.com"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var thankYou = response.Headers.Location!.ToString();
        Assert.StartsWith("/journey/thank-you?t=", thankYou, StringComparison.Ordinal);
        var lead = await _site.App.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("ada@example.com", CancellationToken.None);
        Assert.Equal(MemberKey.ToString("D"), lead?.MemberKey);

        var page = await client.GetStringAsync(thankYou);
        Assert.True(page.Contains("<main id=\"main\">", StringComparison.Ordinal), page);
        var download = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/journey/download\\?t=[^\"]+)\"").Groups[1].Value;
        using var file = await client.GetAsync(WebUtility.HtmlDecode(download));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("%PDF-1.4 benchmark", await file.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gated_files_public_media_url_leads_to_its_form_not_to_the_file()
    {
        using var client = Visitor(member: false);

        using var response = await client.GetAsync("/media/k2lb/benchmark.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PagePath + "#gated-title", response.Headers.Location?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_anonymous_visitor_becomes_a_lead_without_a_member()
    {
        using var client = Visitor(member: false);

        using var response = await client.PostAsync(PagePath, Fields(await FormAsync(client), "grace@example.com"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var lead = await _site.App.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("grace@example.com", CancellationToken.None);
        Assert.NotNull(lead);
        Assert.Null(lead.MemberKey);
    }

    [Fact]
    public async Task A_refused_form_is_left_to_umbraco_to_render_again_with_its_errors_and_status_422()
    {
        using var client = Visitor(member: false);

        using var response = await client.PostAsync(PagePath, Fields(await FormAsync(client), "not-an-address"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("umbraco page POST; errors: Email", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        using var client = Visitor(member: false);
        var form = await FormAsync(client);

        using var response = await client.PostAsync(PagePath, Fields(form with { Token = "forged" }, "eve@example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _site.App.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("eve@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Posts_to_pages_that_are_not_journey_content_reach_umbraco_untouched()
    {
        using var client = Visitor(member: false);

        using var response = await client.PostAsync("/en/contact/", new FormUrlEncodedContent([new("email", "x@example.com")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("umbraco page POST; errors: ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_surface_controller_form_posted_to_a_gated_page_is_left_to_umbraco_and_stores_no_lead()
    {
        using var client = Visitor(member: false);
        var form = await FormAsync(client);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("email", "sam@example.com"), new("consent", "true"), new(GatedFormService.StampField, form.Stamp),
            new("__RequestVerificationToken", form.Token), new("ufprt", "an-umbraco-forms-route"),
        };

        using var response = await client.PostAsync(PagePath, new FormUrlEncodedContent(fields));

        Assert.Equal("umbraco page POST; errors: ", await response.Content.ReadAsStringAsync());
        Assert.Null(await _site.App.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("sam@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task A_form_too_large_to_read_is_refused_with_a_message_not_an_error_page()
    {
        using var client = Visitor(member: false);
        var fields = Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>("f" + i, "x"));

        using var response = await client.PostAsync(PagePath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_posts_on_umbraco_pages_and_link_renewals_share_one_per_ip_count_and_a_browser_gets_a_page_that_says_why()
    {
        using var client = Visitor(member: false);
        var form = await FormAsync(client);
        var limit = _site.App.Services.GetRequiredService<IOptions<GatedFormOptions>>().Value.PerIpLimit;
        for (var i = 0; i < limit; i++)
        {
            using var renewal = await client.PostAsync("/journey/download/renew", new FormUrlEncodedContent([new("t", "forged"), new("__RequestVerificationToken", form.Token)]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, renewal.StatusCode);
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, PagePath) { Content = Fields(form, "lin@example.com") };
        post.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("You sent this form several times in a short while.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _site.App.Services.GetRequiredService<ILeadStore>().FindByEmailAsync("lin@example.com", CancellationToken.None));
    }

    private HttpClient Visitor(bool member)
    {
        var client = _site.Client();
        if (member)
        {
            client.DefaultRequestHeaders.Add(MemberHeader, "42");
        }

        return client;
    }

    private static async Task<FormTokens> FormAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/test/form");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new FormTokens(json.RootElement.GetProperty("stamp").GetString()!, json.RootElement.GetProperty("token").GetString()!);
    }

    private static FormUrlEncodedContent Fields(FormTokens form, string email) => new(
    [
        new("email", email), new("consent", "true"), new(GatedFormService.StampField, form.Stamp), new("__RequestVerificationToken", form.Token),
    ]);

    private static IMember Member()
    {
        var member = Substitute.For<IMember>();
        member.Key.Returns(MemberKey);
        return member;
    }

    private static MediaFileManager MediaFiles(string root)
    {
        var hosting = Substitute.For<UmbracoHosting>();
        var files = new PhysicalFileSystem(new IOHelperLinux(hosting), hosting, NullLogger<PhysicalFileSystem>.Instance, root, "/media/");
        return new MediaFileManager(files, Substitute.For<IMediaPathScheme>(), NullLogger<MediaFileManager>.Instance, UmbracoTestBuilder.ShortStrings, Substitute.For<IServiceProvider>(), new Lazy<ICoreScopeProvider>(() => Substitute.For<ICoreScopeProvider>()));
    }

    private sealed record FormTokens(string Stamp, string Token);

    /// <summary>Stands in for Umbraco's member cookie: the header carries the member's id, as the cookie's name identifier does.</summary>
    private sealed class HeaderMemberScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(MemberHeader, out var id))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Name, "ada")], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}

/// <summary>
/// Stands in for Umbraco's render controller (src/Umbraco.Web.Common/Controllers/RenderController.cs), which renders every
/// routed page whatever the HTTP method: it says whether the module left a refused form for the page's view component.
/// </summary>
public sealed class UmbracoPageStandInController : Microsoft.AspNetCore.Mvc.Controller
{
    /// <summary>"Renders" the page.</summary>
    public Microsoft.AspNetCore.Mvc.IActionResult Index()
    {
        var refused = HttpContext.Items[JourneyGatedFormViewComponent.RefusedFormKey] as GatedFormModel;
        return Content($"umbraco page {Request.Method}; errors: {string.Join(",", refused?.Errors.Keys.Select(k => k.ToString()) ?? [])}");
    }
}
