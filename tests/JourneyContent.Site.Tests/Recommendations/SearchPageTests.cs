using System.Net;
using JourneyContent.Lucene;
using JourneyContent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Recommendations;

/// <summary>The site search on the demo site, over its real Lucene index in the data folder.</summary>
public sealed class SearchPageTests
{
    [Theory]
    [InlineData("sécurité")]
    [InlineData("securite")]
    [InlineData("RGPD")]
    public async Task Search_finds_a_french_item_by_a_french_word_with_or_without_accents(string word)
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();

        var html = await visitor.GetStringAsync(new Uri("/fr/search?q=" + Uri.EscapeDataString(word), UriKind.Relative));

        Assert.Contains("href=\"/fr/securite-et-rgpd-chez-sillage\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/en/", html.Split("<main", 2)[1].Split("</main>", 2)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_without_a_language_goes_to_the_visitor_language()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");

        using var response = await visitor.GetAsync(new Uri("/search?q=données clients", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/fr/search?q=donn%C3%A9es%20clients", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Visitors_get_no_stage_facet_and_editors_do()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();
        var password = await BackOfficeClient.CreateAccountAsync(site, "editor@example.com", "editor");
        using var editor = BackOfficeClient.Create(site);
        await editor.SignInAsync("editor@example.com", password);

        var visitorHtml = await visitor.GetStringAsync(new Uri("/en/search?q=lead+scoring&stage=decision", UriKind.Relative));
        var editorHtml = await editor.Http.GetStringAsync(new Uri("/en/search?q=lead+scoring", UriKind.Relative));
        var filtered = await editor.Http.GetStringAsync(new Uri("/en/search?q=lead+scoring&stage=consideration", UriKind.Relative));

        Assert.DoesNotContain("search-facets", visitorHtml, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"awareness\"", visitorHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"search-facets\"", editorHtml, StringComparison.Ordinal);
        Assert.Matches("data-stage=\"consideration\" data-count=\"[1-9]", editorHtml);
        Assert.DoesNotContain("<article class=\"card\" data-stage=\"awareness\"", filtered, StringComparison.Ordinal);
        Assert.Contains("<article class=\"card\" data-stage=\"consideration\"", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_is_in_the_data_folder_and_follows_content_changes()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();
        (await visitor.GetAsync(new Uri("/en/search?q=warm-up", UriKind.Relative))).EnsureSuccessStatusCode();

        site.WriteContent("en/zeppelin-launch.md", "---\ntitle: \"Our zeppelin campaign\"\nkind: blog-post\nstage: awareness\n---\nA campaign about zeppelins.\n");
        var found = false;
        for (var attempt = 0; attempt < 100 && !found; attempt++)
        {
            await Task.Delay(100);
            await site.Services.GetRequiredService<LuceneContentIndex>().WhenIdle();
            found = (await visitor.GetStringAsync(new Uri("/en/search?q=zeppelin", UriKind.Relative))).Contains("href=\"/en/zeppelin-launch\"", StringComparison.Ordinal);
        }

        Assert.True(found, "The new item is found within 10 seconds.");
        Assert.True(File.Exists(Path.Combine(site.DataPath, "index", "segments.gen")) || Directory.EnumerateFiles(Path.Combine(site.DataPath, "index"), "segments_*").Any());
    }

    [Fact]
    public async Task An_empty_or_odd_query_answers_a_page_not_an_error()
    {
        using var site = new DemoSite();
        using var visitor = site.CreateClient();

        using var empty = await visitor.GetAsync(new Uri("/en/search", UriKind.Relative));
        using var odd = await visitor.GetAsync(new Uri("/en/search?q=" + Uri.EscapeDataString("AND (\"* ~ ["), UriKind.Relative));
        using var escaped = await visitor.GetAsync(new Uri("/en/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await escaped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
