namespace JourneyContent.Markdown;

/// <summary>A markdown file split into its YAML front matter and its body, with the positions needed to rewrite one without touching the other.</summary>
/// <remarks>
/// The front matter sits between a first line <c>---</c> and the next line <c>---</c> (trailing spaces allowed on
/// both). <see cref="Body"/> is every character after the closing delimiter's line break, byte for byte, so a tool
/// that rewrites the front matter can write <c>text[..FrontMatterStart] + yaml + text[FrontMatterEnd..]</c> (or
/// <c>---\n{yaml}---\n{Body}</c>) and leave everything else untouched. Offsets are <see cref="string"/> indexes into
/// the text given to <see cref="TrySplit"/>.
/// </remarks>
public sealed record FrontMatterDocument
{
    /// <summary>The YAML between the delimiters, with its line breaks; empty when the delimiters are adjacent.</summary>
    public required string FrontMatter { get; init; }

    /// <summary>The 1-based file line of the front matter's first YAML line (2 for a file that starts with <c>---</c>).</summary>
    public required int FrontMatterFirstLine { get; init; }

    /// <summary>The 1-based file line of the closing <c>---</c>; the YAML spans the lines before it, from <see cref="FrontMatterFirstLine"/>.</summary>
    public int ClosingDelimiterLine => BodyFirstLine - 1;

    /// <summary>The index in the file's text where <see cref="FrontMatter"/> starts.</summary>
    public int FrontMatterStart { get; init; }

    /// <summary>The index in the file's text just after <see cref="FrontMatter"/>: where the closing <c>---</c> line starts.</summary>
    public int FrontMatterEnd { get; init; }

    /// <summary>The index in the file's text where <see cref="Body"/> starts.</summary>
    public int BodyStart { get; init; }

    /// <summary>The 1-based file line of the first body line.</summary>
    public required int BodyFirstLine { get; init; }

    /// <summary>The markdown after the closing delimiter, exactly as in the file.</summary>
    public required string Body { get; init; }

    /// <summary>The line break the file uses (<c>\n</c> or <c>\r\n</c>), taken from the opening delimiter's line.</summary>
    public required string NewLine { get; init; }

    /// <summary>Splits <paramref name="text"/>; returns null and an error message when it has no complete front matter.</summary>
    public static FrontMatterDocument? TrySplit(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var firstBreak = text.IndexOf('\n', start);
        var firstLine = (firstBreak < 0 ? text[start..] : text[start..firstBreak]).TrimEnd('\r');
        if (firstLine.TrimEnd() != "---")
        {
            error = "The file does not start with front matter: its first line must be ---.";
            return null;
        }

        // A lone "---" with no line break must not serve as both the opening and the closing delimiter.
        if (firstBreak < 0)
        {
            error = NotClosed;
            return null;
        }

        var newLine = firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";
        var yamlStart = firstBreak + 1;
        var position = yamlStart;
        var line = 2;
        while (position <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var content = (lineEnd < 0 ? text[position..] : text[position..lineEnd]).TrimEnd('\r');
            if (content.TrimEnd() == "---")
            {
                var bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
                error = null;
                return new FrontMatterDocument
                {
                    FrontMatter = text[yamlStart..position],
                    FrontMatterFirstLine = 2,
                    FrontMatterStart = yamlStart,
                    FrontMatterEnd = position,
                    BodyStart = bodyStart,
                    BodyFirstLine = line + 1,
                    Body = text[bodyStart..],
                    NewLine = newLine,
                };
            }

            if (lineEnd < 0)
            {
                break;
            }

            position = lineEnd + 1;
            line++;
        }

        error = NotClosed;
        return null;
    }

    private const string NotClosed = "The front matter is not closed: add a line --- after it.";
}
