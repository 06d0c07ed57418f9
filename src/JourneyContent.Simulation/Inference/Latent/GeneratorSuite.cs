using JourneyContent.Tracking;
using static JourneyContent.Simulation.GeneratingModel;

namespace JourneyContent.Simulation;

/// <summary>The generating models on which latent-stage inference is judged; they differ in structure, not only in seed.</summary>
/// <remarks>
/// Every generator reads a catalogue of <see cref="GeneratingModel"/>'s shape. The trial stage is the second last, the
/// customer stage the last. What each one varies is in its <see cref="GeneratingModel.Description"/>.
/// </remarks>
public static class GeneratorSuite
{
    /// <summary>The suite, in a fixed order.</summary>
    public static IReadOnlyList<GeneratingModel> All { get; } =
    [
        Typical(),
        FastMovers(),
        SlowWithRegressions(),
        NoisyReaders(),
        KindSpecific(),
        ThreeStages(),
        SevenStages(),
    ];

    /// <summary>The usual event types: views, engaged reads of the item just read (as often in every stage), a few clicks, trial sign-ups in the trial stage and purchases in the customer stage.</summary>
    public static GeneratedEventType[] UsualTypes(int k, double onStage, double neighbour) =>
    [
        new(JourneyEventType.View, Flat(k, 1), onStage, neighbour),
        new(JourneyEventType.Engaged, Flat(k, 0.4), 0, 0, FollowsRead: true),
        new(JourneyEventType.CtaClick, Flat(k, 0.1), onStage, neighbour),
        new(JourneyEventType.TrialSignUp, Only(k, k - 2, 0.03), 0, 0, HasContent: false),
        new(JourneyEventType.Purchase, Only(k, k - 1, 0.02), 0, 0, HasContent: false),
    ];

    private static GeneratingModel Typical() => new("typical-5", "five stages, forward 0.30 / back 0.05, gaps 2 h–4 weeks, 65 % of views on stage", 5)
    {
        Types = UsualTypes(5, 0.65, 0.2),
    };

    private static GeneratingModel FastMovers() => new("fast-movers", "five stages, forward 0.60 / back 0.02, short gaps 1.5 h–2 days, 2–6 sessions, 70 % on stage", 5)
    {
        Transition = Moves(5, 0.6, 0.02),
        MinGap = TimeSpan.FromHours(1.5),
        MaxGap = TimeSpan.FromDays(2),
        MinSessions = 2,
        MaxSessions = 6,
        Types = UsualTypes(5, 0.7, 0.15),
    };

    private static GeneratingModel SlowWithRegressions() => new("slow-regress", "five stages, forward 0.12 / back 0.15 (frequent regressions), gaps 1–6 weeks, 3–15 sessions, 55 % on stage", 5)
    {
        Transition = Moves(5, 0.12, 0.15),
        MinGap = TimeSpan.FromDays(7),
        MaxGap = TimeSpan.FromDays(42),
        MinSessions = 3,
        MaxSessions = 15,
        Types = UsualTypes(5, 0.55, 0.25),
    };

    private static GeneratingModel NoisyReaders() => new("noisy-40", "five stages, only 40 % of views on stage (30 % neighbours), downloads and form posts of pure noise (same rate and items in every stage)", 5)
    {
        Types =
        [
            .. UsualTypes(5, 0.4, 0.3),
            new(JourneyEventType.Download, Flat(5, 0.3), 0, 0, Noise: true),
            new(JourneyEventType.FormSubmit, Flat(5, 0.2), 0, 0, Noise: true),
        ],
    };

    private static GeneratingModel KindSpecific() => new("kind-specific", "five stages, 60 % on stage; 35 % of reads follow a favourite kind whatever its tag: case studies by stage 3, pricing by stage 4 (the deciders)", 5)
    {
        KindPull = 0.35,
        FavouriteKind = [-1, -1, 4, 3, -1],
        Types = UsualTypes(5, 0.6, 0.2),
    };

    private static GeneratingModel ThreeStages() => new("three-stage", "three stages, forward 0.35 / back 0.05, gaps 3 h–1 week, 80 % on stage", 3)
    {
        Transition = Moves(3, 0.35, 0.05),
        MinGap = TimeSpan.FromHours(3),
        MaxGap = TimeSpan.FromDays(7),
        Types = UsualTypes(3, 0.8, 0.1),
    };

    private static GeneratingModel SevenStages() => new("seven-stage", "seven stages, forward 0.25 / back 0.05, gaps 2 h–3 weeks, 3–14 sessions, 60 % on stage", 7)
    {
        Transition = Moves(7, 0.25, 0.05),
        MaxGap = TimeSpan.FromDays(21),
        MinSessions = 3,
        MaxSessions = 14,
        Types = UsualTypes(7, 0.6, 0.25),
    };
}
