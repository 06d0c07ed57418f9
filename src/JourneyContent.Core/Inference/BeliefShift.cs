using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>One event that moved a visitor's latent-stage belief.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Type">What happened.</param>
/// <param name="ContentId">The content it happened on, or null.</param>
/// <param name="Stage">The stage whose probability moved most at that event.</param>
/// <param name="Change">The signed change of that probability, in [-1, 1].</param>
public sealed record BeliefShift(DateTimeOffset At, JourneyEventType Type, string? ContentId, string Stage, double Change);
