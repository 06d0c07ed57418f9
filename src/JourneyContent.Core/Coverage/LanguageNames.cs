namespace JourneyContent.Coverage;

/// <summary>"in French" / "en français": a language named inside an English and a French sentence.</summary>
/// <remarks>A fixed table rather than <see cref="System.Globalization.CultureInfo"/>, so messages do not depend on the ICU data of the host.</remarks>
internal static class LanguageNames
{
    private static readonly Dictionary<string, (string English, string French)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("English", "anglais"),
        ["fr"] = ("French", "français"),
        ["de"] = ("German", "allemand"),
        ["es"] = ("Spanish", "espagnol"),
        ["it"] = ("Italian", "italien"),
        ["nl"] = ("Dutch", "néerlandais"),
        ["pt"] = ("Portuguese", "portugais"),
    };

    /// <summary>The phrases "in X" and "en X" for <paramref name="language"/>; an unknown code is quoted as it is.</summary>
    public static (string English, string French) InLanguage(string language) =>
        Names.TryGetValue(language, out var names)
            ? ($"in {names.English}", $"en {names.French}")
            : ($"in '{language}'", $"en « {language} »");
}
