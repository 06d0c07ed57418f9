namespace JourneyContent.Inference;

/// <summary>A visitor's inference state as plain data, for storage; made by <see cref="StageInferenceEngine.Snapshot"/>.</summary>
/// <remarks>Scores and contributions are as they were at <see cref="LastEventAt"/> (not decayed since). A snapshot with
/// no <see cref="LastEventAt"/> is a visitor about whom nothing is known.</remarks>
public sealed record VisitorSnapshot
{
    /// <summary>The time the state was brought to (UTC), or null for an empty visitor.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Each stage's score at <see cref="LastEventAt"/>, by stage key.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    /// <summary>The inferred stage key (ignoring any explicit signal), or null.</summary>
    public string? Stage { get; init; }

    /// <summary>The explicit signal, if one was received and not yet replaced (it may have expired).</summary>
    public ExplicitStage? Explicit { get; init; }

    /// <summary>The latent-stage belief at <see cref="LastEventAt"/>, by stage key; empty in snapshots made before the latent model (then the scores' shares are used).</summary>
    public IReadOnlyDictionary<string, double> Probabilities { get; init; } = new Dictionary<string, double>();

    /// <summary>The events that moved the belief most.</summary>
    public IReadOnlyList<BeliefShift> Explanation { get; init; } = [];

    /// <summary>The top contributing content at <see cref="LastEventAt"/>.</summary>
    public IReadOnlyList<ContentContribution> TopContent { get; init; } = [];
}
