using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace JourneyContent.Markdown;

/// <summary>Renders markdown with Markdig's usual extensions and sanitises the HTML, so editors' raw HTML can never script the page.</summary>
/// <remarks>
/// The pipeline and the sanitiser are built once and are safe to share between threads. Raw HTML in markdown is
/// allowed through Markdig (editors use it for figures and details blocks) and then cleaned: scripts, event
/// handler attributes, <c>javascript:</c> and <c>data:</c> URLs, frames, forms and styles other than
/// <c>text-align</c> are removed. Allowed URL schemes are http, https and mailto, plus relative URLs.
/// </remarks>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders <paramref name="markdown"/> to sanitised HTML and plain text.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var html = _sanitizer.Sanitize(document.ToHtml(_pipeline));
        var plain = Markdig.Markdown.ToPlainText(markdown, _pipeline);
        return new RenderedMarkdown(html, Whitespace().Replace(plain, " ").Trim());
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Relative URLs (/en/pricing, #fn:1, ../assets/x.pdf) carry no scheme and are kept; every other scheme goes.
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        // Heading and footnote anchors, code-highlighting and task-list classes, lazy images.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("loading");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedTags.Add("details");
        sanitizer.AllowedTags.Add("summary");
        // Inline styles could hide content or overlay the page, and themes own presentation; only Markdig's table
        // column alignment (style="text-align: right") survives.
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.Add("text-align");
        // Forms belong to the site's own gated-asset and contact flows, never to an article's body.
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        // Task-list checkboxes are rendered by Markdig as disabled inputs; keep those and no other input.
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "INPUT" } input
                && !(string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase) && input.HasAttribute("disabled")))
            {
                input.Remove();
            }
        };
        // A table's empty corner (| | Starter | Growth |) is a data cell, not a header: screen readers announce an
        // empty header as nothing at all, and axe reports it (empty-table-header).
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var header in e.Document.QuerySelectorAll("th").Where(h => string.IsNullOrWhiteSpace(h.TextContent) && h.ChildElementCount == 0).ToList())
            {
                var cell = e.Document.CreateElement("td");
                foreach (var attribute in header.Attributes)
                {
                    cell.SetAttribute(attribute.Name, attribute.Value);
                }

                header.Replace(cell);
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
