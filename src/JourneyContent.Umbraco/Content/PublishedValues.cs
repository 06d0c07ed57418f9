using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Strings;

namespace JourneyContent.Umbraco.Content;

/// <summary>Reads property values as Umbraco's value converters deliver them, whatever editor an installer or a site chose.</summary>
/// <remarks>
/// Converters return, depending on the editor: a string, a list of strings (tags, checkbox lists), an
/// <see cref="IPublishedContent"/> or a list of them (content pickers, and media pickers, whose <c>MediaWithCrops</c>
/// is a wrapped <see cref="IPublishedContent"/>), a <see cref="Link"/> or a list of them (URL pickers),
/// an <see cref="IHtmlEncodedString"/> (rich text), a boolean or a number. Anything else reads as empty.
/// </remarks>
internal static partial class PublishedValues
{
    /// <summary>The converted value of a property in a culture (null for invariant), or null when the document has no such property.</summary>
    public static object? Read(IPublishedContent content, string alias, string? culture) =>
        content.GetProperty(alias)?.GetValue(culture, null);

    /// <summary>A single trimmed text, or null when empty; a list gives its first text, rich text gives its plain text.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => NullIfEmpty(text),
        IHtmlEncodedString html => NullIfEmpty(HtmlToText(html.ToHtmlString())),
        IEnumerable<string> texts => texts.Select(NullIfEmpty).FirstOrDefault(t => t is not null),
        bool => null,
        IConvertible number when IsNumber(number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// A list of trimmed, non-empty texts: a list of strings as is, or a string holding a JSON array or values
    /// separated by commas, semicolons or new lines.
    /// </summary>
    public static IReadOnlyList<string> Texts(object? value) => value switch
    {
        null => [],
        string text => Split(text),
        IHtmlEncodedString html => Text(html) is { } plain ? [plain] : [],
        IEnumerable<string> texts => [.. texts.Select(NullIfEmpty).OfType<string>()],
        _ => [],
    };

    /// <summary>A toggle's value as text (<c>true</c>, <c>false</c>), or a text or number as written, for <see cref="JourneyContent.Content.ContentItemBuilder.ParseFlag"/>.</summary>
    public static string? FlagText(object? value) => value is bool flag ? (flag ? "true" : "false") : Text(value);

    /// <summary>The picked documents or media items (a media picker's <c>MediaWithCrops</c> is an <see cref="IPublishedContent"/>).</summary>
    public static IReadOnlyList<IPublishedContent> Contents(object? value) => value switch
    {
        IPublishedContent single => [single],
        IEnumerable<IPublishedContent> many => [.. many.Where(c => c is not null)],
        _ => [],
    };

    /// <summary>The first link of a URL picker, or null.</summary>
    public static Link? FirstLink(object? value) => value switch
    {
        Link link => link,
        IEnumerable<Link> links => links.FirstOrDefault(l => l is not null && !string.IsNullOrWhiteSpace(l.Url)),
        _ => null,
    };

    /// <summary>Document keys written as text: GUIDs or <c>umb://document/…</c> UDIs; anything else is skipped.</summary>
    public static IEnumerable<Guid> Keys(object? value)
    {
        foreach (var text in Texts(value))
        {
            if (Guid.TryParse(text, out var key))
            {
                yield return key;
            }
            else if (UdiParser.TryParse(text, out Udi? udi) && udi is GuidUdi guidUdi)
            {
                yield return guidUdi.Guid;
            }
        }
    }

    /// <summary>HTML as a rich text editor stores it, or a plain string as is; null when empty.</summary>
    public static string? Html(object? value) => value switch
    {
        IHtmlEncodedString html => string.IsNullOrWhiteSpace(html.ToHtmlString()) ? null : html.ToHtmlString(),
        string text => string.IsNullOrWhiteSpace(text) ? null : text,
        _ => null,
    };

    /// <summary>The text of an HTML fragment: scripts and styles dropped, tags turned into spaces, entities decoded, white space collapsed.</summary>
    /// <remarks>
    /// One pass over the body, because every publish maps every document's body: three regular-expression passes and
    /// a decode each copied the whole body, and were nine tenths of the cost of mapping a document.
    /// </remarks>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            for (var i = 0; i < html.Length; i++)
            {
                var c = html[i];
                if (c == '<')
                {
                    i = SkipTag(html, i);
                    pendingSpace = length > 0;
                    continue;
                }

                // An entity is decoded on its own: never longer than what it stands for, so it fits the buffer.
                if (c == '&' && Entity(html, ref i) is { } decoded)
                {
                    foreach (var d in decoded)
                    {
                        Append(d);
                    }
                }
                else
                {
                    Append(c);
                }
            }

            return new string(buffer, 0, length);

            void Append(char c)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    return;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The text of the entity starting at <paramref name="index"/> (moved to its <c>;</c>), or <c>&amp;</c> alone when there is none.</summary>
    private static string? Entity(string html, ref int index)
    {
        var end = html.IndexOf(';', index, Math.Min(MaxEntityLength, html.Length - index));
        if (end < 0)
        {
            return null;
        }

        var entity = html.Substring(index, end - index + 1);
        var decoded = WebUtility.HtmlDecode(entity);
        if (string.Equals(decoded, entity, StringComparison.Ordinal))
        {
            // Not an entity (a lone & in text): kept as written.
            return null;
        }

        index = end;
        return decoded;
    }

    /// <summary>The index of the last character of the tag opening at <paramref name="start"/>; a script or style element is skipped whole.</summary>
    private static int SkipTag(string html, int start)
    {
        var end = html.IndexOf('>', start);
        if (end < 0)
        {
            return html.Length - 1;
        }

        foreach (var element in CodeElements)
        {
            if (string.Compare(html, start + 1, element, 0, element.Length, StringComparison.OrdinalIgnoreCase) == 0
                && start + 1 + element.Length < html.Length && !char.IsAsciiLetterOrDigit(html[start + 1 + element.Length]))
            {
                var close = html.IndexOf("</" + element, end, StringComparison.OrdinalIgnoreCase);
                return close < 0 ? html.Length - 1 : Math.Max(close, html.IndexOf('>', close) is var closeEnd and >= 0 ? closeEnd : html.Length - 1);
            }
        }

        return end;
    }

    private static readonly string[] CodeElements = ["script", "style"];

    /// <summary>The longest entity looked for (<c>&amp;CounterClockwiseContourIntegral;</c> is 33; the common ones are under 10).</summary>
    private const int MaxEntityLength = 34;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64
        or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte or TypeCode.SByte;

    private static string[] Split(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            try
            {
                // Some editors (a stage picker on a JSON schema, a checkbox list saved raw) store a JSON array of strings.
                var items = JsonSerializer.Deserialize<string?[]>(trimmed) ?? [];
                return [.. items.Select(NullIfEmpty).OfType<string>()];
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as a list of separated values.
            }
        }

        return [.. trimmed.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

}
