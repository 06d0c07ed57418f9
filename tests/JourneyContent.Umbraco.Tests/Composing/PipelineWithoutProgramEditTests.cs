using System.Net;
using System.Net.Http.Json;
using JourneyContent.Content;
using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace JourneyContent.Umbraco.Tests.Composing;

/// <summary>
/// A site that installs the package with <c>dotnet add package</c> and appsettings, and does not touch Program.cs: the
/// package puts its parts at the front of the pipeline itself, and a site that calls <c>UseJourneyContent()</c>
/// places them where it wants, once.
/// </summary>
public sealed class PipelineWithoutProgramEditTests : IAsyncLifetime
{
    private const string SiteHeader = "X-Site-Middleware";
    private readonly string _wwwroot = Directory.CreateTempSubdirectory("jc-wwwroot-").FullName;
    private UmbracoSite _plain = null!;
    private UmbracoSite _placed = null!;

    private static readonly ContentItem[] Items =
    [
        new()
        {
            Id = "benchmark:en", Slug = "market-benchmark", Language = "en", Title = "Benchmark", Kind = "comparison-benchmark",
            Url = "/en/market-benchmark/", Stage = "consideration", GatedAsset = "/media/k2lb/benchmark.pdf",
        },
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_wwwroot, "media", "k2lb"));
        await File.WriteAllTextAsync(Path.Combine(_wwwroot, "media", "k2lb", "benchmark.pdf"), "%PDF-1.4 benchmark");

        // Program.cs as Umbraco's template writes it, without the module's line: the site's own middleware, static
        // files (where Umbraco serves /media from) and the rest, here a fallback standing in for Umbraco's pages.
        _plain = await UmbracoSite.StartAsync(Items, useJourneyContent: false, configureApp: SitePipeline);
        _placed = await UmbracoSite.StartAsync(Items, beforeModule: app => app.Use(MarkSiteMiddleware), configureApp: app => app.MapFallback(() => "site page"));
    }

    public async Task DisposeAsync()
    {
        await _plain.DisposeAsync();
        await _placed.DisposeAsync();
        Directory.Delete(_wwwroot, recursive: true);
    }

    [Fact]
    public void The_package_registers_a_startup_filter_so_program_cs_needs_no_edit() =>
        Assert.Contains(_plain.App.Services.GetServices<IStartupFilter>(), f => f.GetType().Name == "JourneyContentStartupFilter");

    [Fact]
    public async Task Without_use_journey_content_the_script_consent_and_events_endpoints_answer()
    {
        using var client = _plain.Client();

        using var script = await client.GetAsync("/journey/journey.js");
        using var consent = await client.PostAsJsonAsync("/api/journey/consent", new { accept = false });
        using var styles = await client.GetAsync("/journey/stages.css");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, consent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task Without_use_journey_content_the_back_office_api_still_requires_an_umbraco_user_with_the_section()
    {
        using var anonymous = _plain.Client();
        using var editor = _plain.Client();
        editor.DefaultRequestHeaders.Add(UmbracoSite.UserHeader, _plain.AddUser(["content"], ["writer"]).ToString());

        using var refused = await anonymous.GetAsync(BackOfficeApi.Prefix + "/stages");
        using var allowed = await editor.GetAsync(BackOfficeApi.Prefix + "/stages");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Without_use_journey_content_a_gated_files_media_url_leads_to_its_form_before_static_files_serve_it()
    {
        using var client = _plain.Client();

        using var gated = await client.GetAsync("/media/k2lb/benchmark.pdf");

        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal("/en/market-benchmark/#gated-title", gated.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_path_under_journey_that_no_module_endpoint_answers_goes_on_to_the_sites_pipeline()
    {
        using var client = _plain.Client();

        using var response = await client.GetAsync("/journey/not-an-endpoint");

        Assert.Equal("site page", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains(SiteHeader));
    }

    [Fact]
    public async Task Without_use_journey_content_the_module_answers_before_the_sites_own_middleware()
    {
        using var client = _plain.Client();

        using var script = await client.GetAsync("/journey/journey.js");

        Assert.False(script.Headers.Contains(SiteHeader));
    }

    [Fact]
    public async Task With_use_journey_content_the_module_sits_where_the_site_put_it_and_answers_once()
    {
        using var client = _placed.Client();

        using var script = await client.GetAsync("/journey/journey.js");
        using var page = await client.GetAsync("/en/contact/");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True(script.Headers.Contains(SiteHeader));
        Assert.Equal("site page", await page.Content.ReadAsStringAsync());
    }

    private void SitePipeline(WebApplication app)
    {
        app.Use(MarkSiteMiddleware);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(_wwwroot) });
        app.MapFallback(() => "site page");
    }

    private static Task MarkSiteMiddleware(Microsoft.AspNetCore.Http.HttpContext context, Func<Task> next)
    {
        context.Response.Headers[SiteHeader] = "seen";
        return next();
    }
}
