using System.Diagnostics;
using JourneyContent.Inference;
using JourneyContent.Simulation;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using Xunit.Abstractions;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class JourneyReplayerTests(ITestOutputHelper output)
{
    private static readonly JourneyContent.Content.ContentItem[] Site =
    [
        Item("en/why-leads-go-cold", "blog-post", "awareness"),
        Item("en/benchmark-2026", "comparison-benchmark", "consideration"),
        Item("en/pricing", "pricing", "decision"),
        Item("fr/tarifs", "pricing", "decision"),
    ];

    private static JourneyReplayer Replayer(out StageInferenceEngine engine)
    {
        engine = StageInferenceEngine.Default;
        return new JourneyReplayer(engine, ContentSignalIndex.Create(engine.Model, Site));
    }

    [Fact]
    public void Replays_interleaved_visitors_into_final_stages_and_transitions()
    {
        var replayer = Replayer(out _);
        JourneyEvent[] history =
        [
            new("anna", T0, JourneyEventType.View, "why-leads-go-cold"),
            new("ben", T0.AddMinutes(1), JourneyEventType.View, "en/pricing"),
            new("anna", T0.AddDays(2), JourneyEventType.View, "benchmark-2026"),
            new("anna", T0.AddDays(2), JourneyEventType.Engaged, "benchmark-2026"),
            new("ben", T0.AddDays(3), JourneyEventType.Purchase),
            new("carl", T0.AddDays(3), JourneyEventType.View, "no-such-page"),
        ];

        var result = replayer.Replay(history);

        Assert.Equal(6, result.EventCount);
        Assert.Equal(1, result.UnknownContentCount);
        Assert.Equal(T0.AddDays(3), result.AsOf);
        Assert.Equal(["anna", "ben", "carl"], result.Visitors.Select(v => v.VisitorId));
        Assert.Equal(["consideration", "loyalty", null], result.Visitors.Select(v => v.Stage?.Key));
        Assert.Equal(StageSource.Explicit, result.Visitors[1].Source);
        Assert.Equal(0, result.Visitors[2].Confidence);
        Assert.Equal(
            [("anna", null, "awareness"), ("ben", null, "decision"), ("anna", "awareness", "consideration"), ("ben", "decision", "loyalty")],
            result.Transitions.Select(t => (t.VisitorId, t.Transition.From?.Key, t.Transition.To.Key)));
        Assert.Equal("en/benchmark-2026", result.Transitions[2].Transition.ContentId);
    }

    [Fact]
    public void A_visitor_seen_only_through_impressions_has_no_outcome_and_the_others_are_replayed()
    {
        var replayer = Replayer(out _);
        JourneyEvent[] history =
        [
            new("dora", T0, JourneyEventType.CtaImpression, "en/pricing"),
            new("anna", T0.AddMinutes(1), JourneyEventType.View, "why-leads-go-cold"),
        ];

        var result = replayer.Replay(history);

        Assert.Equal(["anna"], result.Visitors.Select(v => v.VisitorId));
        Assert.Equal("awareness", result.Visitors[0].Stage?.Key);
    }

    [Fact]
    public void Streams_transitions_to_a_callback_instead_of_keeping_them()
    {
        var replayer = Replayer(out _);
        var seen = new List<VisitorTransition>();

        var result = replayer.Replay([new JourneyEvent("anna", T0, JourneyEventType.View, "en/pricing")], seen.Add);

        Assert.Empty(result.Transitions);
        Assert.Equal("decision", Assert.Single(seen).Transition.To.Key);
    }

    [Fact]
    public void Declared_stages_are_resolved_and_unknown_ones_counted()
    {
        var replayer = Replayer(out _);

        var result = replayer.Replay(
        [
            new JourneyEvent("anna", T0, JourneyEventType.DeclaredStage, declaredStage: "Decision"),
            new JourneyEvent("ben", T0, JourneyEventType.DeclaredStage, declaredStage: "shopping"),
        ]);

        Assert.Equal(1, result.UnknownStageCount);
        Assert.Equal(["decision", null], result.Visitors.Select(v => v.Stage?.Key));
    }

    [Fact]
    public void Final_states_are_estimated_at_the_time_asked_for()
    {
        var replayer = Replayer(out _);

        var result = replayer.Replay([new JourneyEvent("ben", T0, JourneyEventType.Purchase)], T0.AddDays(31));

        Assert.Equal(StageSource.Inferred, result.Visitors[0].Source);
        Assert.Equal(T0.AddDays(31), result.AsOf);
        Assert.True(replayer.Replay([]).Visitors.Count == 0 && replayer.Replay([]).AsOf is null);
    }

    [Fact]
    public void A_replay_gives_the_same_states_as_applying_each_visitor_events_in_turn()
    {
        var model = StageModel.Default;
        var catalogue = SyntheticJourneyGenerator.Catalogue(model);
        var journeys = SyntheticJourneyGenerator.Generate(model, catalogue, new SyntheticJourneyOptions { Seed = 5, VisitorCount = 200 });
        var engine = StageInferenceEngine.Default;
        var index = ContentSignalIndex.Create(engine.Model, catalogue);

        var result = new JourneyReplayer(engine, index).Replay(SyntheticJourneyGenerator.InTimeOrder(journeys));

        foreach (var journey in journeys)
        {
            var visitor = engine.NewVisitor();
            var transitions = 0;
            foreach (var e in journey.Events.Select(e => e.Event))
            {
                index.TryFind(e.Content, out var signal);
                transitions += engine.Apply(visitor, e.Timestamp, e.Type, signal, model.FindStage(e.DeclaredStage)).Count;
            }

            var outcome = result.Visitors.Single(v => v.VisitorId == journey.VisitorId);
            Assert.Equal(engine.StageWithConfidence(visitor, result.AsOf!.Value), (outcome.Stage, outcome.Confidence, outcome.Source));
            Assert.Equal(transitions, result.Transitions.Count(t => t.VisitorId == journey.VisitorId));
        }
    }

    [Fact]
    public void Replays_a_million_synthetic_events_of_distinct_visitors_and_accounts_for_every_one()
    {
        // A quarter of a million generated events, replayed as four disjoint cohorts a year apart: the replay sees a million
        // events of distinct visitors. Its speed is measured by InferenceReplayBenchmarks, never asserted here.
        var model = StageModel.Default;
        var catalogue = SyntheticJourneyGenerator.Catalogue(model);
        var cohort = SyntheticJourneyGenerator.InTimeOrder(SyntheticJourneyGenerator.Generate(model, catalogue, new SyntheticJourneyOptions { Seed = 1_000_000, VisitorCount = 6_500 }))
            .Take(250_000).ToArray();
        var ids = new Dictionary<(int, string), string>();
        var history = new JourneyEvent[4 * cohort.Length];
        for (var k = 0; k < 4; k++)
        {
            for (var i = 0; i < cohort.Length; i++)
            {
                var e = cohort[i];
                if (!ids.TryGetValue((k, e.VisitorId), out var id))
                {
                    ids[(k, e.VisitorId)] = id = $"{k}/{e.VisitorId}";
                }

                history[(k * cohort.Length) + i] = new JourneyEvent(id, e.Timestamp.AddDays(365 * k), e.Type, e.Content, e.DeclaredStage);
            }
        }

        var replayer = new JourneyReplayer(StageInferenceEngine.Default, ContentSignalIndex.Create(CompiledInferenceModel.Default, catalogue));

        var transitions = 0L;
        var result = replayer.Replay(history, _ => transitions++);

        output.WriteLine($"Replayed {result.EventCount:N0} events of {result.Visitors.Count:N0} visitors ({transitions:N0} transitions).");
        Assert.Equal(1_000_000, result.EventCount);
        Assert.Equal(0, result.UnknownContentCount);
        Assert.Equal(4 * cohort.Select(e => e.VisitorId).Distinct().Count(), result.Visitors.Count);
        Assert.True(transitions > 0);
    }
}
