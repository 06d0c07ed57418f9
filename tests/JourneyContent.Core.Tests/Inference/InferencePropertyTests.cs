using FsCheck;
using FsCheck.Xunit;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>Laws of the engine checked on random histories: each int of an array is decoded into one event.</summary>
public sealed class InferencePropertyTests
{
    private static readonly TimeSpan[] Gaps =
        [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(45), TimeSpan.FromHours(10), TimeSpan.FromDays(3), TimeSpan.FromDays(20)];

    private static readonly JourneyEventType[] Types =
    [
        JourneyEventType.View, JourneyEventType.View, JourneyEventType.View, JourneyEventType.Engaged, JourneyEventType.Engaged,
        JourneyEventType.CtaClick, JourneyEventType.Download, JourneyEventType.FormSubmit, JourneyEventType.DeclaredStage,
        JourneyEventType.TrialSignUp, JourneyEventType.Purchase,
    ];

    private static readonly ContentItem[] Catalogue =
    [
        Item("a1", "blog-post"), Item("a2", "white-paper"), Item("c1", "case-study", "consideration", new StageWeight("decision", 0.4)),
        Item("c2", "comparison-benchmark"), Item("d1", "pricing"), Item("d2", "trial-cta"), Item("l1", "onboarding-guide"),
        Item("v1", "referral-program", "advocacy", new StageWeight("loyalty", 0.3)), Item("u1", "blog-post", "decision"),
    ];

    private readonly record struct Step(DateTimeOffset At, JourneyEventType Type, ContentSignal? Content, Stage? Declared);

    private static List<Step> Decode(StageInferenceEngine engine, int[] codes, DateTimeOffset start, bool explicitSignals = true)
    {
        var signals = Catalogue.Select(engine.Model.Signal).ToArray();
        var steps = new List<Step>();
        var at = start;
        foreach (var raw in codes)
        {
            var code = raw & int.MaxValue;
            at += Gaps[code % Gaps.Length];
            var type = Types[(code / 7) % Types.Length];
            if (!explicitSignals && type.IsExplicitSignal())
            {
                type = JourneyEventType.View;
            }

            var content = type == JourneyEventType.DeclaredStage || (code / 101) % 5 == 0 && type.IsExplicitSignal() ? null : signals[(code / 131) % signals.Length];
            var declared = type == JourneyEventType.DeclaredStage ? engine.Model.Stages.Stages[(code / 1009) % engine.Model.StageCount] : null;
            steps.Add(new Step(at, type, content, declared));
        }

        return steps;
    }

    private static VisitorState Run(StageInferenceEngine engine, IEnumerable<Step> steps, List<StageTransition>? transitions = null)
    {
        var visitor = engine.NewVisitor();
        foreach (var step in steps)
        {
            foreach (var t in engine.Apply(visitor, step.At, step.Type, step.Content, step.Declared))
            {
                transitions?.Add(t);
            }
        }

        return visitor;
    }

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    [Property(MaxTest = 300)]
    public void More_evidence_for_a_stage_never_lowers_its_score(int[] codes, NonNegativeInt position, NonNegativeInt stage, NonNegativeInt type, NonNegativeInt daysLater)
    {
        var engine = StageInferenceEngine.Default;
        var steps = Decode(engine, codes, T0);
        var insertAt = position.Get % (steps.Count + 1);
        var target = engine.Model.Stages.Stages[stage.Get % engine.Model.StageCount];
        var extra = new Step(
            insertAt == 0 ? T0 : steps[insertAt - 1].At,
            (JourneyEventType)(type.Get % 5),
            engine.Model.Signal("extra", "blog-post", target.Key),
            null);
        var withExtra = steps.Take(insertAt).Append(extra).Concat(steps.Skip(insertAt)).ToList();
        var end = (steps.Count == 0 ? T0 : steps[^1].At).AddDays(daysLater.Get % 100);

        var without = engine.Estimate(Run(engine, steps), end).Scores[target.Key];
        var with = engine.Estimate(Run(engine, withExtra), end).Scores[target.Key];

        Assert.True(with >= without * (1 - 1e-12), $"{target.Key}: {with} with the extra event < {without} without");
    }

    [Property(MaxTest = 200)]
    public void Without_events_scores_halve_every_half_life_and_never_grow(int[] codes, PositiveInt halfLifeDays, NonNegativeInt hoursLater, NonNegativeInt moreHours)
    {
        var halfLife = TimeSpan.FromDays(1 + (halfLifeDays.Get % 60));
        var engine = Engine(new StageInferenceSettings { HalfLife = halfLife });
        var visitor = Run(engine, Decode(engine, codes, T0));
        var t1 = (visitor.LastEventAt ?? T0).AddHours(hoursLater.Get % 2000);
        var t2 = t1.AddHours(moreHours.Get % 2000);

        var at1 = engine.Estimate(visitor, t1).Scores;
        var half = engine.Estimate(visitor, t1 + halfLife).Scores;
        var at2 = engine.Estimate(visitor, t2).Scores;

        foreach (var (key, score) in at1)
        {
            Assert.True(Close(score / 2, half[key]), $"{key}: {score} became {half[key]} after a half-life");
            Assert.True(at2[key] <= score, $"{key}: {score} grew to {at2[key]}");
            Assert.True(score >= 0);
        }
    }

    [Property(MaxTest = 300)]
    public void The_belief_always_sums_to_one_and_nothing_is_known_only_before_an_informative_event(int[] codes)
    {
        var engine = StageInferenceEngine.Default;
        var visitor = engine.NewVisitor();
        foreach (var step in Decode(engine, codes, T0))
        {
            engine.Apply(visitor, step.At, step.Type, step.Content, step.Declared);
            var estimate = engine.Estimate(visitor, step.At);
            var sum = estimate.Probabilities.Values.Sum();
            Assert.True(estimate.Stage is null ? sum is 0 or > 0.999999 : Math.Abs(sum - 1) < 1e-9, $"sum {sum}");
            Assert.All(estimate.Probabilities.Values, p => Assert.InRange(p, 0, 1));
            Assert.Equal(engine.Model.Stages.Stages.Select(s => s.Key), estimate.Probabilities.Keys);
            Assert.True(estimate.Explanation.Count <= 5);
        }
    }

    [Property(MaxTest = 200)]
    public void Every_inferred_change_had_the_challenger_leading_by_the_switch_margin(int[] codes)
    {
        var engine = StageInferenceEngine.Default;
        var model = engine.Model;
        var margin = model.Latent.SwitchMargin;
        var visitor = engine.NewVisitor();
        foreach (var step in Decode(engine, codes, T0, explicitSignals: false))
        {
            var changes = engine.Apply(visitor, step.At, step.Type, step.Content, step.Declared);
            var p = engine.Estimate(visitor, step.At).Probabilities;
            foreach (var change in changes)
            {
                if (change.From is { } before)
                {
                    Assert.True(p[change.To.Key] >= p[before.Key] + margin - 1e-12, $"{before.Key} → {change.To.Key} with {p[change.To.Key]} vs {p[before.Key]}");
                }
            }

            // And no challenger is left leading by the margin or more.
            var current = engine.StageAt(visitor, step.At);
            foreach (var stage in model.Stages.Stages.Where(s => current is not null && s != current))
            {
                Assert.True(p[stage.Key] < p[current!.Key] + margin + 1e-9);
            }
        }
    }

    [Property(MaxTest = 200)]
    public void An_explicit_signal_holds_its_stage_as_a_floor_and_expires_after_its_period(int[] before, int[] during, PositiveInt durationDays, NonNegativeInt signal)
    {
        var duration = TimeSpan.FromDays(1 + (durationDays.Get % 90));
        var engine = Engine(new StageInferenceSettings { ExplicitSignalDuration = duration });
        var stages = engine.Model.Stages;
        var visitor = Run(engine, Decode(engine, before, T0, explicitSignals: false));
        var at = (visitor.LastEventAt ?? T0).AddMinutes(1);
        var (type, stage) = (signal.Get % 3) switch
        {
            0 => (JourneyEventType.TrialSignUp, stages.FindStage("decision")!),
            1 => (JourneyEventType.Purchase, stages.FindStage("loyalty")!),
            _ => (JourneyEventType.DeclaredStage, stages.Stages[signal.Get % stages.Stages.Count]),
        };
        engine.Apply(visitor, at, type, declaredStage: type == JourneyEventType.DeclaredStage ? stage : null);
        var until = at + duration;
        foreach (var step in Decode(engine, during, at, explicitSignals: false).Where(s => s.At < until))
        {
            engine.Apply(visitor, step.At, step.Type, step.Content, step.Declared);
            Assert.True(engine.StageAt(visitor, step.At)!.Order >= stage.Order);
        }

        var last = engine.Estimate(visitor, until.AddTicks(-1));
        Assert.True(last.Stage!.Order >= stage.Order);
        Assert.Equal(stage.Key, last.Explicit?.Stage);

        var after = engine.Estimate(visitor, until);
        Assert.Null(after.Explicit);
        Assert.Equal(visitor.InferredStage, after.Stage);
        Assert.NotEqual(StageSource.Explicit, after.Source);
    }

    [Property(MaxTest = 200)]
    public void Confidence_is_between_zero_and_one_and_the_stage_is_known_once_evidence_arrives(int[] codes, NonNegativeInt daysLater)
    {
        var engine = StageInferenceEngine.Default;
        var visitor = engine.NewVisitor();
        var sawEvidence = false;
        foreach (var step in Decode(engine, codes, T0))
        {
            engine.Apply(visitor, step.At, step.Type, step.Content, step.Declared);
            sawEvidence |= step.Content is not null || step.Type.IsExplicitSignal();
            var estimate = engine.Estimate(visitor, step.At.AddDays(daysLater.Get % 400));
            Assert.InRange(estimate.Confidence, 0, 1);
            Assert.Equal(sawEvidence, estimate.Stage is not null);
            Assert.All(estimate.Scores.Values, s => Assert.True(s >= 0 && double.IsFinite(s)));
            Assert.True(estimate.TopContent.Count <= engine.Model.TopContentCount);
        }
    }

    [Property(MaxTest = 200)]
    public void Merging_adds_both_visitors_scores_decayed_to_the_later_time_and_keeps_the_latest_signal(int[] first, int[] second, NonNegativeInt offsetHours)
    {
        var engine = StageInferenceEngine.Default;
        var a = Run(engine, Decode(engine, first, T0));
        var b = Run(engine, Decode(engine, second, T0.AddHours(offsetHours.Get % 2000)));
        var end = new[] { a.LastEventAt ?? T0, b.LastEventAt ?? T0 }.Max();
        var expectedScores = engine.Estimate(a, end).Scores.ToDictionary(s => s.Key, s => s.Value + engine.Estimate(b, end).Scores[s.Key]);
        var signals = new[] { engine.Estimate(a, end).Explicit, engine.Estimate(b, end).Explicit };
        var bBefore = engine.Snapshot(b);

        engine.Merge(a, b);

        var merged = engine.Estimate(a, end);
        foreach (var (key, score) in expectedScores)
        {
            Assert.True(Close(score, merged.Scores[key]), $"{key}: {merged.Scores[key]} instead of {score}");
        }

        var latest = signals.Where(s => s is not null).MaxBy(s => s!.SetAt);
        Assert.Equal(latest, merged.Explicit);
        Assert.Equal(bBefore.Scores, engine.Snapshot(b).Scores);
    }
}
