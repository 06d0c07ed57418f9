using System.Net;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Site.Tests.Pages;

[Collection(EditedSiteCollection.Name)]
public sealed class ContentProblemsTests(EditedSiteFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task A_broken_file_is_reported_and_the_other_pages_keep_working()
    {
        using var home = await _client.GetAsync(new Uri("/en", UriKind.Relative));
        var anyItem = fixture.Site.Content.InLanguage("en").First(i => !i.IsUntagged && !i.Slug.StartsWith("zz-", StringComparison.Ordinal));
        using var page = await _client.GetAsync(new Uri(anyItem.Url, UriKind.Relative));
        using var broken = await _client.GetAsync(new Uri("/en/zz-broken", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        Assert.Contains(fixture.Site.Content.Errors, e => e.Source == "en/zz-broken.md" && e.Line is not null);
        Assert.Contains(fixture.Site.Content.Errors, e => e.Source == "en/zz-unknown-kind.md" && e.Line == 3 && e.Field == "kind");
    }

    [Fact]
    public void A_broken_file_is_logged_as_a_warning_naming_the_file_line_and_field()
    {
        _ = fixture.Site.Content;

        Assert.Contains(fixture.Site.Log, e => e.Level == LogLevel.Warning && e.Message.Contains("en/zz-unknown-kind.md:3: kind:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_script_in_markdown_never_reaches_the_page()
    {
        var html = await _client.GetStringAsync(new Uri("/en/zz-hostile", UriKind.Relative));

        Assert.Contains("Hello", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        // The theme's own script file is in the layout; the article's body has none.
        var body = html[html.IndexOf("<div class=\"prose\">", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<script", body[..body.IndexOf("</div>", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_file_is_served_without_a_restart()
    {
        var slug = "fresh-" + Guid.NewGuid().ToString("N")[..8];
        using var before = await _client.GetAsync(new Uri($"/en/{slug}", UriKind.Relative));

        fixture.Site.WriteContent($"en/{slug}.md", "---\ntitle: Fresh off the press\nkind: blog-post\nstage: awareness\n---\nNew.\n");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var after = await _client.GetAsync(new Uri($"/en/{slug}", UriKind.Relative));
            status = after.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Without_a_translation_the_language_switch_leads_to_the_other_languages_home_and_no_hreflang_is_claimed()
    {
        var html = await _client.GetStringAsync(new Uri("/en/zz-english-only", UriKind.Relative));

        Assert.Contains("<a href=\"/fr\" hreflang=\"fr\" lang=\"fr\" rel=\"alternate\">Français</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link rel=\"alternate\" hreflang=\"fr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_shows_the_localized_error_page_with_status_500_and_no_details()
    {
        using var response = await _client.GetAsync(new Uri(EditedSiteFixture.ThrowingPath, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Une erreur est survenue</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(EditedSiteFixture.SecretInException, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.Contains(fixture.Site.Log, e => e.Level == LogLevel.Error && e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_folder_is_created_on_first_run_and_its_absolute_path_logged()
    {
        _ = fixture.Site.Content;

        Assert.True(Directory.Exists(fixture.Site.DataPath));
        Assert.Contains(fixture.Site.Log, e => e.Message.StartsWith($"Created data folder {fixture.Site.DataPath};", StringComparison.Ordinal));
    }
}
