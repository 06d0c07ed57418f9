namespace JourneyContent.Markdown.Tests;

public sealed class FrontMatterDocumentTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Splitting_keeps_the_body_byte_for_byte(string newLine)
    {
        var body = $"# Heading{newLine}{newLine}  indented --- not a delimiter{newLine}---{newLine}trailing spaces   {newLine}{newLine}";
        var text = $"---{newLine}title: T{newLine}kind: blog-post{newLine}---{newLine}{body}";

        var document = FrontMatterDocument.TrySplit(text, out var error)!;

        Assert.Null(error);
        Assert.Equal(body, document.Body);
        Assert.Equal($"title: T{newLine}kind: blog-post{newLine}", document.FrontMatter);
        Assert.Equal(newLine, document.NewLine);
        Assert.Equal(2, document.FrontMatterFirstLine);
        Assert.Equal(4, document.ClosingDelimiterLine);
        Assert.Equal(5, document.BodyFirstLine);
    }

    [Fact]
    public void Replacing_the_front_matter_span_leaves_every_other_character_as_it_was()
    {
        var text = "---  \ntitle: T\nkind: blog-post\n---\t\n\nBody\r\nwith mixed\nline breaks   ";

        var document = FrontMatterDocument.TrySplit(text, out _)!;
        var rewritten = text[..document.FrontMatterStart] + "title: U\n" + text[document.FrontMatterEnd..];

        Assert.Equal(text, text[..document.FrontMatterStart] + document.FrontMatter + text[document.FrontMatterEnd..]);
        Assert.Equal("---  \ntitle: U\n---\t\n\nBody\r\nwith mixed\nline breaks   ", rewritten);
        Assert.Equal(document.Body, text[document.BodyStart..]);
    }

    [Fact]
    public void Adjacent_delimiters_give_an_empty_front_matter_and_the_body()
    {
        var document = FrontMatterDocument.TrySplit("---\n---\nbody", out _)!;

        Assert.Equal(string.Empty, document.FrontMatter);
        Assert.Equal("body", document.Body);
    }

    [Theory]
    [InlineData("---", "not closed")]
    [InlineData("---\ntitle: T\n", "not closed")]
    [InlineData("", "first line must be ---")]
    [InlineData("title: T\n---\n", "first line must be ---")]
    [InlineData("----\ntitle: T\n---\n", "first line must be ---")]
    public void Text_without_complete_front_matter_is_refused_with_a_reason(string text, string reason)
    {
        var document = FrontMatterDocument.TrySplit(text, out var error);

        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var document = FrontMatterDocument.TrySplit("\uFEFF---\ntitle: T\n---\nbody", out _);

        Assert.Equal("title: T\n", document?.FrontMatter);
        Assert.Equal("body", document?.Body);
    }
}
