namespace JourneyContent.Stages;

/// <summary>A kind of content (blog post, white paper, trial call to action…) and the stage it usually serves.</summary>
/// <remarks>
/// <see cref="DefaultStage"/> is null when the kind's configured default stage was removed from the stage model;
/// content of that kind must then name its stage itself.
/// </remarks>
public sealed record ContentKind
{
    /// <summary>The stable key, for example <c>comparison-benchmark</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The name shown to people, per language.</summary>
    public required LocalizedText Label { get; init; }

    /// <summary>The stage that content of this kind serves unless it says otherwise.</summary>
    public Stage? DefaultStage { get; init; }

    /// <summary>True for kinds that ask the visitor to act (subscribe, download, start a trial, refer a friend).</summary>
    public bool IsCallToAction { get; init; }
}
