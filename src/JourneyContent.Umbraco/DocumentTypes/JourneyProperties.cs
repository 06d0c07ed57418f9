namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>The aliases of the "Journey" composition and its properties, shared by the installer and the content mapping.</summary>
/// <remarks>They are part of the package's contract with existing sites: renaming one orphans the values editors saved.</remarks>
public static class JourneyProperties
{
    /// <summary>The alias of the composition that marks a document type as journey content.</summary>
    public const string CompositionAlias = "journey";

    /// <summary>The primary stage key (the stage picker).</summary>
    public const string Stage = "journeyStage";

    /// <summary>Other stages the item also serves (stage keys).</summary>
    public const string SecondaryStages = "journeySecondaryStages";

    /// <summary>The content kind key.</summary>
    public const string Kind = "journeyKind";

    /// <summary>The media item downloaded through the gated form.</summary>
    public const string GatedAsset = "journeyGatedAsset";

    /// <summary>The name of the form (from <c>JourneyContent:Forms:Definitions</c>) that gates the asset.</summary>
    public const string Form = "journeyForm";

    /// <summary>The call to action's headline.</summary>
    public const string CtaHeadline = "journeyCtaHeadline";

    /// <summary>The call to action's text.</summary>
    public const string CtaText = "journeyCtaText";

    /// <summary>The call to action's button label.</summary>
    public const string CtaButton = "journeyCtaButton";

    /// <summary>The call to action's link (a single URL picker).</summary>
    public const string CtaLink = "journeyCtaLink";

    /// <summary>The stages the call to action is offered to (stage keys); none means the item's own stage.</summary>
    public const string CtaStages = "journeyCtaStages";

    /// <summary>Up to three items an editor pins as the next step.</summary>
    public const string PinnedNext = "journeyPinnedNext";

    /// <summary>Topic tags.</summary>
    public const string Topics = "journeyTopics";

    /// <summary>A one- or two-sentence summary for listings and recommendations.</summary>
    public const string Summary = "journeySummary";

    /// <summary>True to keep the item out of "next for you" lists.</summary>
    public const string ExcludeFromRecommendations = "journeyExclude";

    /// <summary>An editorial boost from -1 to 1.</summary>
    public const string Boost = "journeyBoost";

    /// <summary>The property editor UI alias of the stage picker, declared by the package's <c>umbraco-package.json</c>.</summary>
    public const string StagePickerUiAlias = "JourneyContent.PropertyEditorUi.StagePicker";
}
