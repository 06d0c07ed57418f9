using System.Globalization;
using System.Net;
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

    /// <summary>A boolean from a toggle (bool), a number (non-zero is true) or a string (<c>true</c>, <c>1</c>, <c>yes</c>); null when empty or unreadable.</summary>
    public static bool? Boolean(object? value) => value switch
    {
        bool flag => flag,
        string text when NullIfEmpty(text) is { } trimmed => trimmed.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => null,
        },
        IConvertible number when IsNumber(number) => number.ToDouble(CultureInfo.InvariantCulture) != 0,
        _ => null,
    };

    /// <summary>A number from a decimal, double or integer editor, or from a string in invariant notation; null when empty or unreadable.</summary>
    public static double? Number(object? value) => value switch
    {
        string text => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        bool => null,
        IConvertible number when IsNumber(number) => number.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

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
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var withoutCode = ScriptOrStyle().Replace(html, " ");
        var withoutTags = Tag().Replace(withoutCode, " ");
        return WhiteSpace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

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

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
