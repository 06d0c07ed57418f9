using JourneyContent.Umbraco.Content;

namespace JourneyContent.Umbraco.Tests.Content;

public sealed class PublishedValuesTests
{
    [Theory]
    [InlineData("<h2>Why</h2><p>Pick a tool &amp; a plan.</p>", "Why Pick a tool & a plan.")]
    [InlineData("<p>Before</p><SCRIPT type=\"text/javascript\">track('x > y')</SCRIPT><p>after</p>", "Before after")]
    [InlineData("<style>p > a { color: red }</style>Styled", "Styled")]
    [InlineData("  <p>\n  spaced \t\r\n  out  </p>  ", "spaced out")]
    [InlineData("a&nbsp;&nbsp; b", "a b")]
    [InlineData("<scripts-note>kept</scripts-note>", "kept")]
    [InlineData("text <unclosed", "text")]
    [InlineData("<p>caf&eacute; cr&egrave;me</p>", "café crème")]
    [InlineData("<script>never closed", "")]
    [InlineData("Q&A; R&D and 5 &lt; 6 &amp; 7 &gt; 2", "Q&A; R&D and 5 < 6 & 7 > 2")]
    [InlineData("", "")]
    public void Html_becomes_the_text_a_reader_sees(string html, string text) =>
        Assert.Equal(text, PublishedValues.HtmlToText(html));
}
