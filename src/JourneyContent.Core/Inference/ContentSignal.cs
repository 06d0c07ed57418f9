using JourneyContent.Stages;

namespace JourneyContent.Inference;

/// <summary>What an event on one content item says about a visitor's stage, resolved once against a <see cref="CompiledInferenceModel"/>.</summary>
/// <remarks>
/// Create one per content item with <see cref="CompiledInferenceModel.Signal(Content.ContentItem)"/> when content is
/// loaded, and keep it (for example in a <see cref="ContentSignalIndex"/>): updates then read its stage indices, shares
/// and multiplier directly. A signal belongs to the model that made it.
/// </remarks>
public sealed class ContentSignal
{
    internal readonly int StageIndex;
    internal readonly int[] SecondaryIndices;
    internal readonly double[] SecondaryShares;
    internal readonly CompiledInferenceModel Model;

    internal readonly int LatentItem;
    internal readonly int LatentGroup;

    internal ContentSignal(int latentItem, int latentGroup, string contentId, Stage? stage, ContentKind? kind, double kindMultiplier, int[] secondaryIndices, double[] secondaryShares, CompiledInferenceModel model)
    {
        LatentItem = latentItem;
        LatentGroup = latentGroup;
        ContentId = contentId;
        Stage = stage;
        Kind = kind;
        KindMultiplier = kindMultiplier;
        StageIndex = stage?.Order ?? -1;
        SecondaryIndices = secondaryIndices;
        SecondaryShares = secondaryShares;
        Model = model;
    }

    /// <summary>The content id, reported in explanations and transitions.</summary>
    public string ContentId { get; }

    /// <summary>The stage that events on this content count towards, or null when they count towards none.</summary>
    public Stage? Stage { get; }

    /// <summary>The content kind, or null when the model does not know it.</summary>
    public ContentKind? Kind { get; }

    /// <summary>The kind's multiplier, applied to every event's weight.</summary>
    public double KindMultiplier { get; }

    /// <summary>The secondary stages kept, with their shares in (0, 1].</summary>
    public IReadOnlyList<(Stage Stage, double Share)> SecondaryStages =>
        [.. SecondaryIndices.Select((s, i) => (Model.StageAt(s), SecondaryShares[i]))];

    /// <inheritdoc />
    public override string ToString() => $"{ContentId} ({Stage?.Key ?? "no stage"})";
}
