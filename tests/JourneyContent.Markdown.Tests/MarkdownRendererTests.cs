namespace JourneyContent.Markdown.Tests;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Hello <img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "onclick")]
    [InlineData("<p style=\"position:fixed;top:0\">overlay</p>", "style=")]
    [InlineData("<form action=\"/x\"><input name=\"password\"></form>", "<form")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert(1)")]
    public void Dangerous_markup_never_reaches_the_html(string markdown, string forbidden)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tables_footnotes_task_lists_and_heading_ids_render()
    {
        var html = _renderer.Render("""
            ## Plans compared

            | Plan | Price |
            |------|-------|
            | Starter | 49 € |

            A claim[^1].

            - [x] done
            - [ ] to do

            [^1]: The source.
            """).Html;

        Assert.Contains("<h2 id=\"plans-compared\">", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>49 €</td>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_and_images_are_kept()
    {
        var html = _renderer.Render("[pricing](/en/pricing) and ![chart](https://example.com/c.png) and <mailto:sales@example.com>").Html;

        Assert.Contains("href=\"/en/pricing\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.com/c.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:sales@example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_has_no_markup_and_collapsed_whitespace()
    {
        Assert.Equal("Title Some bold text.", _renderer.Render("# Title\n\nSome **bold**\n\n\ntext.").PlainText);
    }
}
