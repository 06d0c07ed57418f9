namespace JourneyContent.Markdown.Tests;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void A_tables_empty_corner_is_a_data_cell_and_its_named_headers_stay_headers()
    {
        var html = _renderer.Render("| | Starter | Growth |\n| --- | --- | ---: |\n| Price | €49 | €149 |\n").Html;

        Assert.Contains("<thead><tr><td></td><th>Starter</th><th style=\"text-align: right\">Growth</th></tr></thead>", html.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<th></th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<script>alert(1)</script>", "alert")]
    [InlineData("Hello <img src=x onerror=alert(1)>", "onerror")]
    [InlineData("Hello <img src=x onerror=alert(1)>", "alert")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "alert")]
    [InlineData("[click][evil]\n\n[evil]: javascript:alert(1)", "alert")]
    [InlineData("<javascript:alert(1)>", "href")]
    [InlineData("![chart](javascript:alert(1))", "alert")]
    [InlineData("<a href=\"java&#09;script:alert(1)\">t</a>", "alert")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">t</a>", "data:")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">t</a>", "vbscript")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", "alert")]
    [InlineData("<object data=\"evil.swf\"></object><embed src=\"evil.swf\">", "evil")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "onclick")]
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>", "alert")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert(1)")]
    [InlineData("<p style=\"position:fixed;top:0\">overlay</p>", "style=")]
    [InlineData("<p style=\"text-align:center;background:url(javascript:alert(1))\">x</p>", "alert")]
    [InlineData("<style>body{display:none}</style>", "display")]
    [InlineData("<base href=\"https://evil.example/\">", "evil")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "evil")]
    [InlineData("<form action=\"/x\"><input name=\"password\"></form>", "<form")]
    [InlineData("<form action=\"/x\"><input name=\"password\"></form>", "password")]
    public void Dangerous_markup_never_reaches_the_html(string markdown, string forbidden)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tables_with_alignment_footnotes_task_lists_and_heading_ids_render()
    {
        var html = _renderer.Render("""
            ## Plans compared

            | Plan | Price |
            |------|------:|
            | Starter | 49 € |

            A claim[^1].

            - [x] done
            - [ ] to do

            [^1]: The source.
            """).Html;

        Assert.Contains("<h2 id=\"plans-compared\">", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align: right\">49 €</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\">", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn:1\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#fnref:1\"", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\"> done</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_classes_figures_and_lazy_images_are_kept()
    {
        var html = _renderer.Render("""
            ```csharp
            var x = 1;
            ```

            <figure><img src="/assets/chart.png" alt="Chart" loading="lazy"><figcaption>Leads per stage</figcaption></figure>
            """).Html;

        Assert.Contains("<code class=\"language-csharp\">", html, StringComparison.Ordinal);
        Assert.Contains("<figure><img src=\"/assets/chart.png\" alt=\"Chart\" loading=\"lazy\"><figcaption>Leads per stage</figcaption></figure>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_and_images_are_kept()
    {
        var html = _renderer.Render("[pricing](/en/pricing) and [guide](../assets/guide.pdf) and ![chart](https://example.com/c.png) and <mailto:sales@example.com> and [site](http://example.com)").Html;

        Assert.Contains("href=\"/en/pricing\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"../assets/guide.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.com/c.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:sales@example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_has_no_markup_and_collapsed_whitespace()
    {
        Assert.Equal("Title Some bold text and a link.", _renderer.Render("# Title\n\nSome **bold**\n\n\ntext and a [link](/x).").PlainText);
    }

    [Fact]
    public void One_renderer_can_be_shared_between_threads()
    {
        var expected = _renderer.Render("## Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>");

        var results = Enumerable.Range(0, 200).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => _renderer.Render("## Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>"))
            .ToList();

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
