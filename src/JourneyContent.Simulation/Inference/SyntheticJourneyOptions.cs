using JourneyContent.Inference;

namespace JourneyContent.Simulation;

/// <summary>The parameters of <see cref="SyntheticJourneyGenerator"/>'s model of buyer behaviour; the defaults describe a typical B2B site.</summary>
/// <remarks>Probabilities are in [0, 1]; <see cref="OnStageShare"/> + <see cref="NeighbourShare"/> is at most 1, the rest being
/// reads of a random stage. Ranges are inclusive.</remarks>
public sealed class SyntheticJourneyOptions
{
    /// <summary>The seed of the random generator: the same options give the same journeys.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many visitors to generate.</summary>
    public int VisitorCount { get; set; } = 1000;

    /// <summary>The earliest first visit.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>First visits are spread uniformly over this window after <see cref="Start"/>.</summary>
    public TimeSpan ArrivalWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The fewest sessions of a visitor.</summary>
    public int MinSessions { get; set; } = 2;

    /// <summary>The most sessions of a visitor.</summary>
    public int MaxSessions { get; set; } = 12;

    /// <summary>The shortest gap between two sessions; gaps are log-uniform between this and <see cref="MaxGap"/>.</summary>
    public TimeSpan MinGap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The longest gap between two sessions.</summary>
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromDays(28);

    /// <summary>The fewest items read in a session.</summary>
    public int MinItemsPerSession { get; set; } = 1;

    /// <summary>The most items read in a session.</summary>
    public int MaxItemsPerSession { get; set; } = 6;

    /// <summary>The probability of moving to the next stage between two sessions.</summary>
    public double ForwardProbability { get; set; } = 0.3;

    /// <summary>The probability of moving back to the previous stage between two sessions.</summary>
    public double BackwardProbability { get; set; } = 0.05;

    /// <summary>The share of reads chosen from the visitor's true stage.</summary>
    public double OnStageShare { get; set; } = 0.65;

    /// <summary>The share of reads chosen from a neighbouring stage (the previous or the next, evenly).</summary>
    public double NeighbourShare { get; set; } = 0.2;

    /// <summary>The probability that a read of content serving the true stage is engaged.</summary>
    public double EngagedOnStage { get; set; } = 0.6;

    /// <summary>The probability that a read of other content is engaged.</summary>
    public double EngagedOffStage { get; set; } = 0.25;

    /// <summary>Whether calls to action are clicked and converted (<c>cta_click</c>, <c>download</c>, <c>form_submit</c>).</summary>
    public bool CallsToAction { get; set; } = true;

    /// <summary>The probability of clicking the call to action of content serving the true stage.</summary>
    public double CtaOnStage { get; set; } = 0.3;

    /// <summary>The probability of clicking the call to action of other content (noise).</summary>
    public double CtaOffStage { get; set; } = 0.05;

    /// <summary>The probability that a click ends in a download (gated content) or a form submission.</summary>
    public double ConversionAfterClick { get; set; } = 0.5;

    /// <summary>Whether explicit signals are sent: trial sign-ups, demo requests, purchases and declared stages.</summary>
    public bool ExplicitSignals { get; set; } = true;

    /// <summary>The probability that a session in the trial stage (decision) includes a trial sign-up or demo request.</summary>
    public double TrialProbability { get; set; } = 0.2;

    /// <summary>The probability that moving into the customer stage (loyalty) from an earlier stage is recorded as a purchase.</summary>
    public double PurchaseProbability { get; set; } = 0.8;

    /// <summary>The probability that a session starts with the visitor declaring their stage (a form field).</summary>
    public double DeclareProbability { get; set; } = 0.02;
}
