using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using JourneyContent.Web;

namespace JourneyContent.Site.Tests.Pages;

/// <summary>What a page says, set against a shipped text catalogue: which of its words are the catalogue's English ones.</summary>
internal static partial class PageWords
{
    // The compiled catalogues (main assembly and satellites), i.e. what the site really ships, not the source files.

    /// <summary>The public site's catalogue (SharedStrings), the default of every method.</summary>
    public static readonly ResourceManager Shared = new("JourneyContent.Web.Resources.SharedStrings", typeof(SharedStrings).Assembly);

    /// <summary>The standalone back office's catalogue (BackOfficeStrings).</summary>
    public static readonly ResourceManager BackOffice = new(
        "JourneyContent.Site.Resources.BackOffice.Localization.BackOfficeStrings", typeof(JourneyContent.Site.BackOffice.Localization.BackOfficeStrings).Assembly);

    /// <summary>The catalogue's texts in <paramref name="language"/>, without falling back to English.</summary>
    public static Dictionary<string, string> Catalogue(string language, ResourceManager? catalogue = null)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = (catalogue ?? Shared).GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No catalogue for '{language}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The words a visitor reads: text outside tags and the attributes read aloud or shown (aria-label, placeholder, title, alt), decoded.</summary>
    public static string Visible(string html)
    {
        var withoutCode = ScriptOrStyle().Replace(html, " ");
        var attributes = ReadAttribute().Matches(withoutCode).Select(m => m.Groups[1].Value);
        return WebUtility.HtmlDecode(Tag().Replace(withoutCode, " ") + " " + string.Join(" ", attributes));
    }

    /// <summary>The keys whose English text (any fragment of four letters or more between placeholders) shows on a page in <paramref name="language"/>.</summary>
    /// <remarks>
    /// Texts the same in both languages ("Type", "*") cannot tell the languages apart and are skipped, and so is the
    /// language switch's "English": each language is named in itself there, on purpose.
    /// </remarks>
    public static List<string> EnglishOn(string html, string language, ResourceManager? catalogue = null) =>
        EnglishIn(Visible(html), language, catalogue);

    /// <summary>Like <see cref="EnglishOn"/>, over text already taken from a page (for example without the data it shows).</summary>
    public static List<string> EnglishIn(string visible, string language, ResourceManager? catalogue = null)
    {
        var translated = Catalogue(language, catalogue);
        var found = new List<string>();
        foreach (var (key, english) in Catalogue("en", catalogue))
        {
            if (key == "LanguageNativeName" || (translated.TryGetValue(key, out var other) && other == english))
            {
                continue;
            }

            var fragments = Placeholder().Split(english).Select(f => f.Trim()).Where(f => f.Count(char.IsLetter) >= 4);
            if (fragments.Any(f => Regex.IsMatch(visible, $@"(?<!\w){Regex.Escape(f)}(?!\w)")))
            {
                found.Add($"{key}: {english}");
            }
        }

        return found;
    }

    /// <summary>Fails unless each key's text in <paramref name="language"/> (its longest fragment between placeholders) shows on the page.</summary>
    public static void AssertShows(string html, string language, params string[] keys) => AssertShowsFrom(Shared, html, language, keys);

    /// <summary><see cref="AssertShows"/> for the keys of another <paramref name="catalogue"/>.</summary>
    public static void AssertShowsFrom(ResourceManager catalogue, string html, string language, params string[] keys)
    {
        var visible = Visible(html);
        var texts = Catalogue(language, catalogue);
        foreach (var key in keys)
        {
            var fragment = Placeholder().Split(texts[key]).Select(f => f.Trim()).MaxBy(f => f.Length)!;
            Assert.True(visible.Contains(fragment, StringComparison.Ordinal), $"The page shows {key} in '{language}': \"{fragment}\".");
        }
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
