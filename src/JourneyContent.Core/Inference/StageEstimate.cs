using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>Where a visitor's stage comes from.</summary>
public enum StageSource
{
    /// <summary>Nothing is known about the visitor.</summary>
    None,

    /// <summary>Inferred from what the visitor did.</summary>
    Inferred,

    /// <summary>Held by an explicit signal still in its period.</summary>
    Explicit,

    /// <summary>Held by a marketer's stage lock until it ends (see <see cref="StageLocks.StageLock"/>): exactly that stage, whatever inference says.</summary>
    Locked,
}

/// <summary>A content item's decayed contribution to a visitor's scores.</summary>
/// <param name="ContentId">The content id.</param>
/// <param name="Stage">The stage key the contribution went to (the content's primary stage, or the stage of an explicit signal).</param>
/// <param name="Score">The decayed points contributed to that stage (secondary shares are not counted).</param>
public sealed record ContentContribution(string ContentId, string Stage, double Score);

/// <summary>An explicit signal: during its period the visitor's stage is never earlier than <see cref="Stage"/>.</summary>
/// <param name="Stage">The stage key it sets.</param>
/// <param name="Signal">The event that set it.</param>
/// <param name="SetAt">When it was received (UTC).</param>
/// <param name="Until">When it ends (UTC, exclusive): from then on, inference decides again.</param>
public sealed record ExplicitStage(string Stage, JourneyEventType Signal, DateTimeOffset SetAt, DateTimeOffset Until);

/// <summary>A visitor's stage at one moment, with how sure inference is and why.</summary>
/// <remarks>
/// <para><see cref="Confidence"/> is the filtered probability of <see cref="Stage"/> under the latent-stage model
/// (<see cref="LatentStageModel"/>): when the engine says 0.8 it is right about 80 % of the time on the generator suite.
/// With nothing known it is 0. It is in [0, 1]. For a stage held by an explicit signal it is that stage's probability
/// too, which a declared stage makes high at once.</para>
/// <para>Because of the switching threshold (<see cref="LatentStageModel.SwitchMargin"/>) the current stage is not always
/// the most probable one: a challenger may lead by less than the margin. <see cref="Scores"/> are the decayed points of the
/// content read, kept for reports and <see cref="TopContent"/>; they no longer decide the stage.</para>
/// </remarks>
public sealed record StageEstimate
{
    internal StageEstimate(DateTimeOffset at, Stage? stage, double confidence, StageSource source, IReadOnlyDictionary<string, double> scores, IReadOnlyList<ContentContribution> topContent, ExplicitStage? explicitStage, IReadOnlyDictionary<string, double> probabilities, IReadOnlyList<BeliefShift> explanation)
    {
        Probabilities = probabilities;
        Explanation = explanation;
        At = at;
        Stage = stage;
        Confidence = confidence;
        Source = source;
        Scores = scores;
        TopContent = topContent;
        Explicit = explicitStage;
    }

    /// <summary>The moment estimated (UTC); never before the visitor's last event.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The visitor's stage, or null when nothing is known.</summary>
    public Stage? Stage { get; }

    /// <summary>How sure inference is of <see cref="Stage"/>, in [0, 1]; see the remarks.</summary>
    public double Confidence { get; }

    /// <summary>Where <see cref="Stage"/> comes from.</summary>
    public StageSource Source { get; }

    /// <summary>Each stage's decayed score at <see cref="At"/>, by stage key, in funnel order.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; }

    /// <summary>The content that contributed most, strongest first (ties by content id), decayed to <see cref="At"/>.</summary>
    public IReadOnlyList<ContentContribution> TopContent { get; }

    /// <summary>The probability of every stage, by stage key, in funnel order; they sum to 1 (all 0 when nothing is known).</summary>
    public IReadOnlyDictionary<string, double> Probabilities { get; }

    /// <summary>The events that moved the belief most, strongest first (at most five).</summary>
    public IReadOnlyList<BeliefShift> Explanation { get; }

    /// <summary>The explicit signal in its period, whose stage is a floor for <see cref="Stage"/>; null when there is none.</summary>
    public ExplicitStage? Explicit { get; }

    /// <summary>The marketer's stage lock that sets <see cref="Stage"/> at <see cref="At"/>; null when none holds.</summary>
    public StageLocks.StageLock? Lock { get; private init; }

    // The belief, scores and explanation stay inference's own: a lock overrides the decision, not the evidence.
    internal StageEstimate Locked(Stage stage, StageLocks.StageLock stageLock) =>
        new(At, stage, Math.Clamp(Probabilities.TryGetValue(stage.Key, out var p) ? p : 0, 0, 1), StageSource.Locked, Scores, TopContent, Explicit, Probabilities, Explanation) { Lock = stageLock };
}
