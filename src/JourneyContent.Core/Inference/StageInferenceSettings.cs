using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>The configurable knobs of stage inference, bound from the <c>JourneyContent:Inference</c> configuration section.</summary>
/// <remarks>
/// <para>Validated and turned into arrays once by <see cref="CompiledInferenceModel.Compile"/>; nothing here is read
/// on the hot path. <see cref="StageInferenceEngine"/> describes what each knob does.</para>
/// <para><b>Units.</b> A score is a sum of event weights: one <see cref="JourneyEventType.View"/> of content whose kind
/// has multiplier 1 adds 1 point to the content's stage (and 1 × share to each secondary stage), decayed since.
/// Margins and the session carry-over are in the same points.</para>
/// <para><b>Defaults</b> were tuned on <c>JourneyContent.Simulation.SyntheticJourneyGenerator</c>'s documented model of buyer
/// behaviour with <c>JourneyContent.Simulation.InferenceEvaluation</c>, not on any site's content:</para>
/// <list type="bullet">
/// <item>event weights view 1, engaged 2, cta_click 3, download 4, form_submit 5, explicit signals 5: the more effort an
/// action costs, the more it says; these beat flat weights (all 1) by 1.2 points;</item>
/// <item>kind multipliers 1: the generator has no kind-specific behaviour, and a multiplier of 2 on pricing, trial and
/// demo pages cost 0.4 points there; raise them when a site's data shows that those pages are read only by deciders;</item>
/// <item><see cref="HalfLife"/> 14 days: two-month-old reading keeps about 5 % of its weight (7 and 30 days are within 0.1 points);</item>
/// <item><see cref="SessionGap"/> 30 minutes, the usual web-analytics session timeout, and <see cref="SessionCarryOver"/>
/// 4 points, so that one or two engaged reads in a new session can overturn any history: this cap is what lets the
/// engine follow a visitor who moves on (without it, accuracy drops by 10 points, below the last-five-items baseline);</item>
/// <item><see cref="ForwardMargin"/> 0.5 and <see cref="BackwardMargin"/> 1: 13 % fewer stage changes than margins of 0
/// and 0.5, for 0.6 points of accuracy; going back needs more evidence because journeys mostly move forward;</item>
/// <item><see cref="ExplicitSignalDuration"/> 30 days: the generator's customers sometimes move back, so there the floor
/// costs 0.5 points against no hold at all, but on a site it keeps a customer who reads top-of-funnel posts a customer.</item>
/// </list>
/// </remarks>
public sealed class StageInferenceSettings
{
    /// <summary>The built-in weight of each event type, by key.</summary>
    public static IReadOnlyDictionary<string, double> DefaultEventWeights { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["view"] = 1,
        ["engaged"] = 2,
        ["cta_click"] = 3,
        ["download"] = 4,
        ["form_submit"] = 5,
        ["declared_stage"] = 5,
        ["trial_signup"] = 5,
        ["demo_request"] = 5,
        ["purchase"] = 5,
        ["customer"] = 5,
        ["cta_impression"] = 0,
    };

    /// <summary>Event weights to override, by event key (<see cref="JourneyEventTypes.Key"/>); merged over <see cref="DefaultEventWeights"/>. Each is finite and 0 or more.</summary>
    public IDictionary<string, double> EventWeights { get; set; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Multipliers of content kinds, by kind key of the stage model; a kind not listed has 1. Each is finite and greater than 0.</summary>
    /// <remarks>For example <c>{ "pricing": 1.5, "trial-cta": 1.5 }</c> makes every event on those pages weigh half as much again.</remarks>
    public IDictionary<string, double> KindMultipliers { get; set; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long evidence takes to lose half its weight; greater than zero. Default 14 days.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(14);

    /// <summary>By how many points a later stage must lead the current one to replace it; finite, 0 or more. Default 0.5.</summary>
    public double ForwardMargin { get; set; } = 0.5;

    /// <summary>By how many points an earlier stage must lead the current one to replace it; finite, 0 or more. Default 1.</summary>
    public double BackwardMargin { get; set; } = 1;

    /// <summary>How long an explicit signal holds the visitor at its stage or later, whatever they read; 0 or more (0: the signal only sets the current stage). Default 30 days.</summary>
    public TimeSpan ExplicitSignalDuration { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The stage set by a trial sign-up or a demo request; default <c>decision</c>. When the model has no such stage, these events are ordinary evidence.</summary>
    public string? TrialStage { get; set; } = BuiltInStageModel.Keys.Decision;

    /// <summary>The stage set by a purchase or a customer flag; default <c>loyalty</c>. When the model has no such stage, these events are ordinary evidence.</summary>
    public string? CustomerStage { get; set; } = BuiltInStageModel.Keys.Loyalty;

    /// <summary>The time without events after which the next event starts a new session; greater than zero. Default 30 minutes.</summary>
    public TimeSpan SessionGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most points that earlier sessions pass on to a new one; greater than 0. Default 3.</summary>
    /// <remarks>At the start of a session the scores are scaled down alike, if needed, so that they add up to at most this:
    /// however long a history, a new session's reading can overturn it within a few reads, while its shares are kept.</remarks>
    public double SessionCarryOver { get; set; } = 4;

    /// <summary>How many contributing content items each visitor keeps for explanations; 1 to 64. Default 5.</summary>
    public int TopContentCount { get; set; } = 5;

    /// <summary>The pseudo-score given to every stage when computing confidence; finite, 0 or more. Default 0.5.</summary>
    /// <remarks>See <see cref="StageEstimate.Confidence"/>: it keeps one view from meaning certainty.</remarks>
    public double ConfidencePrior { get; set; } = 0.5;
}
