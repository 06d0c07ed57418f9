using JourneyContent.Stages;

namespace JourneyContent.Web.Configuration;

/// <summary>The <c>JourneyContent</c> configuration section.</summary>
/// <remarks>
/// Collections are null until configuration provides them: the configuration binder appends to lists that
/// already hold items, so built-in defaults are applied after binding instead (see <see cref="ToStageModelSettings"/>).
/// Relative paths are resolved against the application's content root.
/// </remarks>
public sealed class JourneyContentOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "JourneyContent";

    /// <summary>The data folder: SQLite database, search index, mail outbox. Created on first run.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The folder of markdown content (standalone site).</summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>The active theme, a folder name under <see cref="ThemesPath"/>; empty on a CMS, which renders its own pages.</summary>
    public string Theme { get; set; } = "default";

    /// <summary>The folder holding themes; found automatically when empty.</summary>
    public string? ThemesPath { get; set; }

    /// <summary>
    /// The layout of the module's own pages (thank-you, download problems, privacy). The standalone site's themes
    /// define <c>_Layout</c>; in a CMS, the module's plain <c>_JourneyLayout</c> unless the site names its own.
    /// </summary>
    public string PageLayout { get; set; } = "_Layout";

    /// <summary>The site's languages, two-letter codes; null for English and French.</summary>
    public IList<string>? Languages { get; set; }

    /// <summary>The language used when a visitor's preference is unknown.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// When true, a CMS refuses to publish a journey document that has no stage, so that no untagged page reaches
    /// visitors. Off by default: untagged pages are shown, only the module's blocks ignore them.
    /// </summary>
    public bool RequireStage { get; set; }

    /// <summary>The funnel; null for the built-in five stages.</summary>
    public IList<StageSettings>? Stages { get; set; }

    /// <summary>Content kinds added to or overriding the built-in ones.</summary>
    public IDictionary<string, ContentKindSettings> ContentKinds { get; set; } =
        new Dictionary<string, ContentKindSettings>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured languages, or English and French.</summary>
    public IReadOnlyList<string> EffectiveLanguages =>
        Languages is { Count: > 0 } ? [.. Languages.Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)] : ["en", "fr"];

    /// <summary>The stage-model part of these options.</summary>
    public StageModelSettings ToStageModelSettings() => new() { Stages = Stages, ContentKinds = ContentKinds };
}
