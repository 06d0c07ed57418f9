namespace JourneyContent.Umbraco.Content;

/// <summary>The <c>JourneyContent:Umbraco</c> configuration section: how Umbraco documents become JourneyContent items.</summary>
/// <remarks>
/// Lists are null until configuration provides them, because the configuration binder appends to lists that already
/// hold items; the built-in defaults apply through <see cref="EffectiveBodyProperties"/> and
/// <see cref="EffectiveSummaryFallbackProperties"/>.
/// </remarks>
public sealed class UmbracoContentOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "JourneyContent:Umbraco";

    /// <summary>The body properties looked for when none are configured, in order.</summary>
    public static IReadOnlyList<string> DefaultBodyProperties { get; } = ["bodyText", "body", "content", "mainContent", "richText"];

    /// <summary>The summary fallbacks looked for when none are configured, in order.</summary>
    public static IReadOnlyList<string> DefaultSummaryFallbackProperties { get; } = ["metaDescription", "description", "excerpt", "intro"];

    /// <summary>
    /// Aliases of the properties that may hold a document's body (a rich text editor or a text area), in order of
    /// preference: the first one the document has and that holds text is indexed. Null for <see cref="DefaultBodyProperties"/>.
    /// </summary>
    public IList<string>? BodyProperties { get; set; }

    /// <summary>
    /// Aliases of the properties read, in order, when the <c>journeySummary</c> property is empty. Null for
    /// <see cref="DefaultSummaryFallbackProperties"/>; an empty list turns the fallback off.
    /// </summary>
    public IList<string>? SummaryFallbackProperties { get; set; }

    /// <summary>How long the catalogue waits for publishing to go quiet before it is rebuilt; 250 ms by default.</summary>
    /// <remarks>Publishing a branch of 200 documents raises 200 notifications within this delay: they cost one rebuild.</remarks>
    public TimeSpan RefreshDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a requested rebuild waits while publishing goes on without a pause; 5 s by default.</summary>
    public TimeSpan RefreshMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The configured body properties, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveBodyProperties => Clean(BodyProperties) ?? DefaultBodyProperties;

    /// <summary>The configured summary fallbacks, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveSummaryFallbackProperties => Clean(SummaryFallbackProperties) ?? DefaultSummaryFallbackProperties;

    private static string[]? Clean(IList<string>? aliases) =>
        aliases is null ? null : [.. aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
