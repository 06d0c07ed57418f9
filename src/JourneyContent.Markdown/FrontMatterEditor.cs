using System.Globalization;
using System.Text;
using JourneyContent.Content;

namespace JourneyContent.Markdown;

/// <summary>Sets, replaces or removes top-level keys of a YAML front matter while leaving every other line as it was.</summary>
/// <remarks>
/// A top-level key's block is its <c>key:</c> line at column 0 plus the indented (or blank) lines that follow it,
/// up to the next line at column 0. Comments at column 0 belong to no key and are kept. Keys and stages are written as
/// plain YAML scalars (they are validated slugs, so they never need quoting); an editor's free text is written
/// double-quoted, with every character YAML could read otherwise escaped.
/// </remarks>
internal static class FrontMatterEditor
{
    public static string SetKey(string frontMatter, string newLine, string key, IReadOnlyList<string>? block, string insertAfter)
    {
        var lines = SplitLines(frontMatter);
        var (start, end) = FindBlock(lines, key);
        if (start >= 0)
        {
            lines.RemoveRange(start, end - start);
            if (block is not null)
            {
                lines.InsertRange(start, block);
            }
        }
        else if (block is not null)
        {
            var (afterStart, afterEnd) = FindBlock(lines, insertAfter);
            lines.InsertRange(afterStart >= 0 ? afterEnd : TrailingBlankStart(lines), block);
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(newLine);
        }

        return text.ToString();
    }

    public static IReadOnlyList<string>? Scalar(string key, string? value) => value is null ? null : [$"{key}: {value}"];

    public static IReadOnlyList<string>? SecondaryStages(IReadOnlyList<StageWeight> stages)
    {
        if (stages.Count == 0)
        {
            return null;
        }

        var block = new List<string> { "secondary_stages:" };
        foreach (var stage in stages)
        {
            block.Add("  - stage: " + stage.Stage);
            block.Add("    weight: " + stage.Weight.ToString("0.###", CultureInfo.InvariantCulture));
        }

        return block;
    }

    public static IReadOnlyList<string>? CallToAction(CallToActionBlock? offer)
    {
        if (offer is null)
        {
            return null;
        }

        var block = new List<string> { "cta:" };
        foreach (var (key, value) in new[] { ("headline", offer.Headline), ("text", offer.Text), ("button", offer.Button), ("url", offer.Url) })
        {
            if (value is not null)
            {
                block.Add($"  {key}: {Quoted(value)}");
            }
        }

        if (offer.Stages.Count > 0)
        {
            block.Add($"  stages: [{string.Join(", ", offer.Stages)}]");
        }

        if (offer.AllStages)
        {
            block.Add("  all_stages: true");
        }

        return block;
    }

    /// <summary>A YAML double-quoted scalar of <paramref name="value"/>: backslash, quote and every control character escaped.</summary>
    public static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static List<string> SplitLines(string frontMatter)
    {
        var lines = frontMatter.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static (int Start, int End) FindBlock(List<string> lines, string key)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsKeyLine(lines[i], key))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && (lines[end].Length == 0 || char.IsWhiteSpace(lines[end][0]) || lines[end].StartsWith('-')))
            {
                end++;
            }

            // Blank lines that separate this block from the next one stay where they are.
            while (end > i + 1 && string.IsNullOrWhiteSpace(lines[end - 1]))
            {
                end--;
            }

            return (i, end);
        }

        return (-1, -1);
    }

    private static int TrailingBlankStart(List<string> lines)
    {
        var index = lines.Count;
        while (index > 0 && string.IsNullOrWhiteSpace(lines[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static bool IsKeyLine(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal)
        && line.Length > key.Length
        && (line[key.Length] == ':' || (char.IsWhiteSpace(line[key.Length]) && line.AsSpan(key.Length).TrimStart().StartsWith(":")));
}
