namespace JourneyContent.Web.Pages;

/// <summary>What the layout needs to know about the page it wraps: language, title, description and its other-language versions.</summary>
public sealed record PageMeta(string Language, string Title, string? Description, string Path)
{
    /// <summary>The ViewData key the layout reads.</summary>
    public const string ViewDataKey = "JourneyPage";

    /// <summary>The page's URL in each other language (the home page of that language when there is no translation).</summary>
    public IReadOnlyDictionary<string, string> Alternates { get; init; } = new Dictionary<string, string>();

    /// <summary>True when <see cref="Alternates"/> holds a real translation rather than a fallback home page.</summary>
    public IReadOnlySet<string> TranslatedLanguages { get; init; } = new HashSet<string>();

    /// <summary>The site's trusted origin for canonical and hreflang links (<see cref="PublicOrigin"/>), or null for relative links.</summary>
    public string? Origin { get; init; }

    /// <summary>Whether search engines may index the page.</summary>
    public bool Indexable { get; init; } = true;
}
