namespace JourneyContent.Content;

/// <summary>One content item's values as a source read them, before <see cref="ContentItemBuilder"/> checks them.</summary>
/// <remarks>
/// <para>Identity and body (<see cref="Id"/> to <see cref="Version"/>) are already resolved by the source, which alone
/// knows its files or documents. The journey values are kept as text, exactly as written in front matter or as an
/// Umbraco property holds them, so that one set of rules judges both sources.</para>
/// <para>For <see cref="Stage"/>, null means "not set" (untagged) and an empty or blank text means "set to nothing",
/// which is reported.</para>
/// </remarks>
public sealed record RawContentValues
{
    /// <summary>See <see cref="ContentItem.Id"/>.</summary>
    public required string Id { get; init; }

    /// <summary>See <see cref="ContentItem.Slug"/>.</summary>
    public required string Slug { get; init; }

    /// <summary>See <see cref="ContentItem.Language"/>.</summary>
    public required string Language { get; init; }

    /// <summary>See <see cref="ContentItem.Url"/>.</summary>
    public required string Url { get; init; }

    /// <summary>See <see cref="ContentItem.Date"/>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>See <see cref="ContentItem.GatedAsset"/>.</summary>
    public string? GatedAsset { get; init; }

    /// <summary>See <see cref="ContentItem.TranslationKey"/>; blank reads as none.</summary>
    public string? TranslationKey { get; init; }

    /// <summary>See <see cref="ContentItem.BodyHtml"/>.</summary>
    public string BodyHtml { get; init; } = string.Empty;

    /// <summary>See <see cref="ContentItem.BodyText"/>.</summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary>See <see cref="ContentItem.Source"/>.</summary>
    public string? Source { get; init; }

    /// <summary>See <see cref="ContentItem.Version"/>.</summary>
    public string? Version { get; init; }

    /// <summary>The title; required.</summary>
    public string? Title { get; init; }

    /// <summary>The summary; blank reads as none.</summary>
    public string? Summary { get; init; }

    /// <summary>The primary stage key: null when not set, blank when set to nothing.</summary>
    public string? Stage { get; init; }

    /// <summary>The secondary stages, in the order written.</summary>
    public IReadOnlyList<RawStageWeight> SecondaryStages { get; init; } = [];

    /// <summary>The kind key; required.</summary>
    public string? Kind { get; init; }

    /// <summary>The topics, in any case, possibly repeated.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The editorial boost, as invariant-culture text (<c>0.5</c>, <c>-1</c>).</summary>
    public string? Boost { get; init; }

    /// <summary>The ids of the items pinned as next steps, in order, possibly repeated.</summary>
    public IReadOnlyList<string> PinnedNext { get; init; } = [];

    /// <summary>The markdown <c>recommend</c> flag: false keeps the item out of "next for you" lists.</summary>
    public string? Recommend { get; init; }

    /// <summary>The Umbraco <c>journeyExclude</c> flag: true keeps the item out of "next for you" lists.</summary>
    public string? Exclude { get; init; }

    /// <summary>The call-to-action block, or null when none was written.</summary>
    public RawCallToAction? CallToAction { get; init; }

    /// <summary>The gated form settings, or null when none were written.</summary>
    public RawGatedForm? Form { get; init; }
}

/// <summary>A secondary stage as written: a stage key and an optional weight (text), 0.5 when absent.</summary>
/// <param name="Stage">The stage key.</param>
/// <param name="Weight">The weight as invariant-culture text, or null for the default.</param>
public sealed record RawStageWeight(string? Stage, string? Weight = null);

/// <summary>A call-to-action block as written.</summary>
public sealed record RawCallToAction
{
    /// <summary>The headline.</summary>
    public string? Headline { get; init; }

    /// <summary>The text.</summary>
    public string? Text { get; init; }

    /// <summary>The button label.</summary>
    public string? Button { get; init; }

    /// <summary>Where the button goes, as written (trimmed by the builder, then checked by <see cref="CallsToAction.CallToActionUrl"/>).</summary>
    public string? Url { get; init; }

    /// <summary>Stage keys, possibly repeated.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>The <c>all_stages</c> flag.</summary>
    public string? AllStages { get; init; }
}

/// <summary>Gated form settings as written: a form name, or fields and required fields.</summary>
public sealed record RawGatedForm
{
    /// <summary>The name of a configured form.</summary>
    public string? Name { get; init; }

    /// <summary>Field keys (<c>first-name</c> and <c>first_name</c> alike), possibly repeated.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Keys of the fields that must be filled.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
}
