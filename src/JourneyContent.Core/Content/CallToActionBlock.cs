namespace JourneyContent.Content;

/// <summary>A call to action written by an editor on a content item (a <c>cta</c> block in front matter, CTA settings in Umbraco).</summary>
/// <remarks>Every text is optional: what is missing comes from the item (its title, summary and URL) and from the kind's default button.</remarks>
public sealed record CallToActionBlock
{
    /// <summary>The headline; the item's title when null.</summary>
    public string? Headline { get; init; }

    /// <summary>One or two sentences; the item's summary when null.</summary>
    public string? Text { get; init; }

    /// <summary>The button's label; the kind's default label when null.</summary>
    public string? Button { get; init; }

    /// <summary>Where the button goes (a site path or an absolute URL); the item's page when null.</summary>
    public string? Url { get; init; }

    /// <summary>The stages the offer is for; the item's own stage when empty.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>True when an editor decided the offer suits visitors of every stage.</summary>
    public bool AllStages { get; init; }
}
