using System.Collections.ObjectModel;

namespace JourneyContent;

/// <summary>A short text of configured data in several languages, such as a stage label in English and French.</summary>
/// <remarks>
/// For labels a site configures per language (stages, kinds). The module's own words are not configured data: they
/// live in the text catalogue (<see cref="ITextCatalog"/>, one resx file per culture).
/// Languages are two-letter ISO codes compared without regard to case. <see cref="Get"/> falls back to
/// English, then to the first language given, so a site that adds a language is never left with a blank label.
/// </remarks>
public sealed class LocalizedText
{
    /// <summary>The language used when a text is missing in the requested one.</summary>
    public const string FallbackLanguage = "en";

    private readonly ReadOnlyDictionary<string, string> _values;

    /// <summary>Creates a text from language → value pairs; blank values are ignored.</summary>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, value) in values)
        {
            if (!string.IsNullOrWhiteSpace(language) && !string.IsNullOrWhiteSpace(value))
            {
                map[language.Trim()] = value.Trim();
            }
        }

        _values = new ReadOnlyDictionary<string, string>(map);
    }

    /// <summary>The text in each language it exists in.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>True when no language has a value.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>The text in <paramref name="language"/>, else English, else the first one, else <paramref name="fallback"/>.</summary>
    public string Get(string? language, string fallback = "")
    {
        if (language is not null && _values.TryGetValue(language, out var value))
        {
            return value;
        }

        if (_values.TryGetValue(FallbackLanguage, out var english))
        {
            return english;
        }

        return _values.Count > 0 ? _values.Values.First() : fallback;
    }

    /// <inheritdoc />
    public override string ToString() => Get(FallbackLanguage);
}
