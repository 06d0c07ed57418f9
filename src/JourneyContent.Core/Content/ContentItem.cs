namespace JourneyContent.Content;

/// <summary>One piece of content as the module sees it, whichever source it comes from (markdown files, Umbraco).</summary>
/// <remarks>
/// <see cref="Stage"/> is the stage an editor set; it is null for untagged content, which the site shows only to
/// editors. <see cref="BodyHtml"/> is already sanitised by the source and safe to write to a page as is.
/// </remarks>
public sealed record ContentItem
{
    /// <summary>A stable identity within its source (for markdown files, <c>language/slug</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The URL segment, unique within a language.</summary>
    public required string Slug { get; init; }

    /// <summary>The two-letter language code (<c>en</c>, <c>fr</c>).</summary>
    public required string Language { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The content kind key, for example <c>white-paper</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The site-relative URL of the page.</summary>
    public required string Url { get; init; }

    /// <summary>The primary stage key set by an editor, or null when the item is untagged.</summary>
    public string? Stage { get; init; }

    /// <summary>Other stages the item also serves, with their weights.</summary>
    public IReadOnlyList<StageWeight> SecondaryStages { get; init; } = [];

    /// <summary>Topic keys, lower-case.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>A one- or two-sentence summary for listings.</summary>
    public string? Summary { get; init; }

    /// <summary>The publication date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The path, relative to the content folder, of the file behind the download form; null when not gated.</summary>
    public string? GatedAsset { get; init; }

    /// <summary>A key shared by the translations of one item.</summary>
    public string? TranslationKey { get; init; }

    /// <summary>The sanitised HTML body.</summary>
    public string BodyHtml { get; init; } = string.Empty;

    /// <summary>The body as plain text, for search and classification.</summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary>Where the item came from (a file path relative to the content folder, or a CMS node key).</summary>
    public string? Source { get; init; }

    /// <summary>A token that changes whenever the item's source changes (a hash of the file), used to detect concurrent edits.</summary>
    public string? Version { get; init; }

    /// <summary>Ids of the items an editor pinned as the next step after this one, in order.</summary>
    public IReadOnlyList<string> PinnedNext { get; init; } = [];

    /// <summary>True when an editor keeps this item out of "next for you" lists (it still appears in listings and search).</summary>
    public bool ExcludedFromRecommendations { get; init; }

    /// <summary>An editorial boost added to the item's ranking score, from -1 (bury) to 1 (promote); 0 by default.</summary>
    public double Boost { get; init; }

    /// <summary>The call to action this item offers, when an editor wrote one; items of a call-to-action kind offer one anyway.</summary>
    public CallToActionBlock? CallToAction { get; init; }

    /// <summary>The form of the gated asset, when the item names or describes one; null uses the site's default form.</summary>
    public GatedFormSettings? Form { get; init; }

    /// <summary>True when the item asks for a form before its asset is downloaded.</summary>
    public bool IsGated => !string.IsNullOrEmpty(GatedAsset);

    /// <summary>True when no editor has set a stage.</summary>
    public bool IsUntagged => string.IsNullOrEmpty(Stage);
}
