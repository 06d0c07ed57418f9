using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>What inference knows about one visitor: the latent-stage belief and current stage, decayed scores per stage, any explicit signal, the content that contributed most and the events that moved the belief most.</summary>
/// <remarks>
/// <para>Mutable and not thread-safe: one visitor's events are applied one at a time by <see cref="StageInferenceEngine"/>.
/// Every array is allocated here, once, with the model's sizes, so updates allocate nothing.</para>
/// <para>Scores and contributions are stored as they were at <see cref="LastEventAt"/>; they are decayed to the
/// time of each new event before it is added, and to the time asked for by an estimate. Persist a visitor with
/// <see cref="StageInferenceEngine.Snapshot"/>.</para>
/// </remarks>
public sealed class VisitorState
{
    internal readonly double[] Scores;
    internal readonly string?[] TopIds;
    internal readonly int[] TopStages;
    internal readonly double[] TopValues;
    internal int TopCount;
    internal long LastTicks;
    internal bool HasEvents;
    internal int Current = -1;
    internal int OverrideStage = -1;
    internal long OverrideSetTicks;
    internal long OverrideUntilTicks;
    internal JourneyEventType OverrideSignal;

    // The latent-stage belief, the belief before the latest event, and the strongest belief shifts (kept incrementally).
    internal readonly LatentBelief Belief;
    internal readonly double[] Before;
    internal readonly long[] ShiftTicks = new long[ExplanationSize];
    internal readonly JourneyEventType[] ShiftTypes = new JourneyEventType[ExplanationSize];
    internal readonly string?[] ShiftContent = new string?[ExplanationSize];
    internal readonly int[] ShiftStages = new int[ExplanationSize];
    internal readonly double[] ShiftChanges = new double[ExplanationSize];
    internal int ShiftCount;

    internal const int ExplanationSize = 5;

    internal VisitorState(CompiledInferenceModel model)
    {
        Model = model;
        Scores = new double[model.StageCount];
        TopIds = new string?[model.TopContentCount];
        TopStages = new int[model.TopContentCount];
        TopValues = new double[model.TopContentCount];
        Belief = model.Latent.NewBelief();
        Before = new double[model.StageCount];
    }

    /// <summary>The model whose stage indices the state uses.</summary>
    public CompiledInferenceModel Model { get; }

    /// <summary>True until the first event is applied.</summary>
    public bool IsEmpty => !HasEvents;

    /// <summary>The latest time the state has been brought to (the latest event's time), or null when empty.</summary>
    public DateTimeOffset? LastEventAt => HasEvents ? new DateTimeOffset(LastTicks, TimeSpan.Zero) : null;

    /// <summary>The stage inference holds, ignoring any explicit signal; null when nothing is known.</summary>
    public Stage? InferredStage => Current < 0 ? null : Model.StageAt(Current);

    // An explicit signal is a floor: inference may move the visitor on from it, not back.
    internal int EffectiveStage => OverrideStage >= 0 ? Math.Max(OverrideStage, Current) : Current;

    /// <summary>Forgets everything, making the state as new without allocating (to reuse states from a pool).</summary>
    public void Reset()
    {
        Array.Clear(Scores);
        Array.Clear(TopIds);
        Array.Clear(TopValues);
        TopCount = 0;
        LastTicks = 0;
        HasEvents = false;
        Current = -1;
        OverrideStage = -1;
        OverrideSetTicks = 0;
        OverrideUntilTicks = 0;
        Belief.Reset();
        Array.Clear(ShiftContent);
        ShiftCount = 0;
    }

    internal void CopyFrom(VisitorState other)
    {
        Array.Copy(other.Scores, Scores, Scores.Length);
        Array.Copy(other.TopIds, TopIds, TopIds.Length);
        Array.Copy(other.TopStages, TopStages, TopStages.Length);
        Array.Copy(other.TopValues, TopValues, TopValues.Length);
        TopCount = other.TopCount;
        LastTicks = other.LastTicks;
        HasEvents = other.HasEvents;
        Current = other.Current;
        OverrideStage = other.OverrideStage;
        OverrideSetTicks = other.OverrideSetTicks;
        OverrideUntilTicks = other.OverrideUntilTicks;
        OverrideSignal = other.OverrideSignal;
        Belief.CopyFrom(other.Belief);
        Array.Copy(other.ShiftTicks, ShiftTicks, ExplanationSize);
        Array.Copy(other.ShiftTypes, ShiftTypes, ExplanationSize);
        Array.Copy(other.ShiftContent, ShiftContent, ExplanationSize);
        Array.Copy(other.ShiftStages, ShiftStages, ExplanationSize);
        Array.Copy(other.ShiftChanges, ShiftChanges, ExplanationSize);
        ShiftCount = other.ShiftCount;
    }
}
