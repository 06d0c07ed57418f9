using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Resources;

namespace JourneyContent.Web.Localization;

/// <summary>The module's <see cref="ITextCatalog"/>: the same resx files as the pages' <c>IStringLocalizer&lt;SharedStrings&gt;</c>
/// (<c>Resources/SharedStrings.resx</c>, English, and one <c>SharedStrings.xx.resx</c> per other language).</summary>
/// <remarks>
/// A language is "in" the catalogue when its satellite assembly exists, so adding a language is adding its resx file
/// (and listing it in <c>SatelliteResourceLanguages</c>). A key missing in a language falls back to English, the way
/// resx lookups always do; the completeness test keeps that from happening unnoticed.
/// </remarks>
public sealed class ResxTextCatalog : ITextCatalog
{
    /// <summary>The language of the neutral resx file, served when a language has no catalogue of its own.</summary>
    public const string FallbackLanguage = "en";

    // The name the resx build gives SharedStrings.resx (root namespace + folder), the one IStringLocalizer<SharedStrings> reads.
    private static readonly ResourceManager Resources = new("JourneyContent.Web.Resources.SharedStrings", typeof(SharedStrings).Assembly);

    private readonly ConcurrentDictionary<string, string> _resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Resolve(string? language)
    {
        var tag = language?.Trim();
        if (string.IsNullOrEmpty(tag))
        {
            return FallbackLanguage;
        }

        return _resolved.GetOrAdd(tag, static t => HasCatalogue(t.Split('-')[0].ToLowerInvariant()));
    }

    /// <inheritdoc />
    public string Get(string key, string language) =>
        TryGet(key, language, out var text) ? text : throw new KeyNotFoundException($"The text catalogue has no text '{key}'.");

    /// <inheritdoc />
    public bool TryGet(string key, string language, [NotNullWhen(true)] out string? text)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        text = Resources.GetString(key, CultureInfo.GetCultureInfo(Resolve(language)));
        return text is not null;
    }

    /// <inheritdoc />
    public CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(SiteLanguages.CultureName(Resolve(language)));

    private static string HasCatalogue(string language)
    {
        if (language == FallbackLanguage || language.Length != 2 || !language.All(char.IsAsciiLetterLower))
        {
            return FallbackLanguage;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(language, predefinedOnly: true);
            return Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is null ? FallbackLanguage : language;
        }
        catch (CultureNotFoundException)
        {
            return FallbackLanguage;
        }
    }
}
