namespace JourneyContent.Markdown.Tests;

public sealed class FrontMatterDocumentTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Splitting_keeps_the_body_byte_for_byte(string newLine)
    {
        var body = $"# Heading{newLine}{newLine}  indented --- not a delimiter{newLine}---{newLine}trailing spaces   {newLine}";
        var text = $"---{newLine}title: T{newLine}kind: blog-post{newLine}---{newLine}{body}";

        var document = FrontMatterDocument.TrySplit(text, out var error)!;

        Assert.Null(error);
        Assert.Equal(body, document.Body);
        Assert.Equal($"title: T{newLine}kind: blog-post{newLine}", document.FrontMatter);
        Assert.Equal(newLine, document.NewLine);
        Assert.Equal(5, document.BodyFirstLine);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        Assert.NotNull(FrontMatterDocument.TrySplit("\uFEFF---\ntitle: T\n---\n", out _));
    }
}
