using System.Net;
using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.Pages;

public sealed class ContentProblemsTests
{
    [Fact]
    public async Task A_broken_file_is_reported_and_the_other_pages_keep_working()
    {
        using var site = new DemoSite();
        site.WriteContent("en/zz-broken.md", "---\ntitle: \"Broken\nkind: blog-post\n---\nbody\n");
        site.WriteContent("en/zz-unknown-kind.md", "---\ntitle: Fine title\nkind: podcast\n---\nbody\n");
        using var client = site.CreateClient();

        using var home = await client.GetAsync(new Uri("/en", UriKind.Relative));
        var anyItem = site.Content.InLanguage("en").First(i => !i.IsUntagged);
        using var page = await client.GetAsync(new Uri(anyItem.Url, UriKind.Relative));
        using var broken = await client.GetAsync(new Uri("/en/zz-broken", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        Assert.Contains(site.Content.Errors, e => e.Source == "en/zz-broken.md" && e.Line is not null);
        Assert.Contains(site.Content.Errors, e => e.Source == "en/zz-unknown-kind.md" && e.Line == 3 && e.Field == "kind");
    }

    [Fact]
    public async Task A_script_in_markdown_never_reaches_the_page()
    {
        using var site = new DemoSite();
        site.WriteContent("en/zz-hostile.md", """
            ---
            title: Hostile
            kind: blog-post
            stage: awareness
            ---
            Hello <script>alert('owned')</script> <img src=x onerror="alert('owned')"> [x](javascript:alert('owned'))
            """);
        using var client = site.CreateClient();

        var html = await client.GetStringAsync(new Uri("/en/zz-hostile", UriKind.Relative));

        Assert.Contains("Hello", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_file_is_served_without_a_restart()
    {
        using var site = new DemoSite();
        using var client = site.CreateClient();
        using var before = await client.GetAsync(new Uri("/en/fresh-off-the-press", UriKind.Relative));

        site.WriteContent("en/fresh-off-the-press.md", "---\ntitle: Fresh off the press\nkind: blog-post\nstage: awareness\n---\nNew.\n");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var after = await client.GetAsync(new Uri("/en/fresh-off-the-press", UriKind.Relative));
            status = after.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
