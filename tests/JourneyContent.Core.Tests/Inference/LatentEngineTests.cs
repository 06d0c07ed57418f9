using JourneyContent.Inference;
using JourneyContent.Simulation;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>Behaviours of the engine's latent-stage belief: probabilities, explanation, snapshots, merges and fitted models.</summary>
public sealed class LatentEngineTests
{
    [Fact]
    public void An_on_stage_reader_moves_forward_at_a_later_session()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("blog-post", id: "a1")).Read(d.Signal("blog-post", id: "a2"));
        Assert.Equal("awareness", d.Stage);

        d.Wait(TimeSpan.FromDays(3)).Read(d.Signal("case-study", id: "c1")).Read(d.Signal("webinar", id: "c2")).Read(d.Signal("case-study", id: "c3"));

        Assert.Equal("consideration", d.Stage);
        Assert.Equal(("awareness", "consideration", StageChangeReason.Inference), (d.Transitions[^1].From?.Key, d.Transitions[^1].To.Key, d.Transitions[^1].Reason));
    }

    [Fact]
    public void A_declared_stage_holds_while_the_visitor_reads_other_stages_content()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.DeclaredStage, declared: d.Engine.Model.Stages.FindStage("decision"));
        for (var i = 0; i < 6; i++)
        {
            d.Read(d.Signal("blog-post", id: $"post-{i}"));
        }

        var estimate = d.Estimate();
        Assert.Equal(("decision", StageSource.Explicit), (estimate.Stage?.Key, estimate.Source));
        Assert.Equal("awareness", d.Visitor.InferredStage?.Key);
    }

    [Fact]
    public void An_engaged_read_of_an_item_weighs_less_than_reading_another_item_of_that_stage()
    {
        // One awareness article viewed and scrolled through, then two consideration items only viewed: the scroll is about
        // the article already counted, not a second awareness read, so the two consideration reads win.
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.View, d.Signal("blog-post", id: "a1")).Do(JourneyEventType.Engaged, d.Signal("blog-post", id: "a1"));
        d.Do(JourneyEventType.View, d.Signal("case-study", id: "c1")).Do(JourneyEventType.View, d.Signal("webinar", id: "c2"));

        var engagedOnce = d.Estimate().Probabilities;
        Assert.True(engagedOnce["consideration"] > engagedOnce["awareness"], $"consideration {engagedOnce["consideration"]:F3}, awareness {engagedOnce["awareness"]:F3}");

        // Whereas a second awareness article is a read of its own, and makes the two stages level again.
        var e = new Driver(StageInferenceEngine.Default);
        e.Do(JourneyEventType.View, e.Signal("blog-post", id: "a1")).Do(JourneyEventType.View, e.Signal("blog-post", id: "a2"));
        e.Do(JourneyEventType.View, e.Signal("case-study", id: "c1")).Do(JourneyEventType.View, e.Signal("webinar", id: "c2"));
        Assert.True(e.Estimate().Probabilities["awareness"] > engagedOnce["awareness"]);
    }

    [Fact]
    public void The_longer_the_pause_before_a_read_the_more_easily_it_moves_the_visitor_on()
    {
        double ConsiderationAfter(TimeSpan pause)
        {
            var d = new Driver(StageInferenceEngine.Default);
            d.Read(d.Signal("blog-post", id: "a1")).Read(d.Signal("blog-post", id: "a2")).Read(d.Signal("blog-post", id: "a3"));
            d.Wait(pause).Do(JourneyEventType.View, d.Signal("case-study", id: "c1"));
            return d.Estimate().Probabilities["consideration"];
        }

        var afterHours = ConsiderationAfter(TimeSpan.FromHours(3));
        var afterDays = ConsiderationAfter(TimeSpan.FromDays(3));
        var afterWeeks = ConsiderationAfter(TimeSpan.FromDays(20));
        var afterMonths = ConsiderationAfter(TimeSpan.FromDays(60));
        Assert.True(afterHours < afterDays && afterDays < afterWeeks && afterWeeks < afterMonths, $"{afterHours:F3} {afterDays:F3} {afterWeeks:F3} {afterMonths:F3}");
    }

    [Fact]
    public void An_impression_moves_nothing()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("case-study", id: "c1"));
        var before = d.Estimate().Probabilities;

        d.Do(JourneyEventType.CtaImpression, d.Signal("pricing", id: "p1"));

        Assert.Equal(before, d.Estimate().Probabilities);
    }

    [Fact]
    public void A_fitted_noise_event_type_barely_moves_the_belief_while_a_view_does()
    {
        var generator = GeneratorSuite.All.Single(g => g.Name == "noisy-40");
        var k = generator.StageCount;
        var train = generator.Generate(3000, 3);
        var model = LatentStageFitter.Fit(new LatentStagePriors(generator.Catalogue, k - 2, k - 1), () => train.Select(v => v.Events)).Model;
        var item = generator.Catalogue.IndexOf("s3/item-0");
        var belief = model.NewBelief();
        model.Apply(belief, new LatentObservation(0, JourneyEventType.View, generator.Catalogue.IndexOf("s1/item-0")));
        var start = Enumerable.Range(0, k).Select(belief.Probability).ToArray();

        model.Apply(belief, new LatentObservation(1, JourneyEventType.Download, item));
        var afterNoise = Enumerable.Range(0, k).Select(belief.Probability).ToArray();
        model.Apply(belief, new LatentObservation(2, JourneyEventType.View, item));
        var afterView = Enumerable.Range(0, k).Select(belief.Probability).ToArray();

        var noiseShift = afterNoise.Zip(start).Max(p => Math.Abs(p.First - p.Second));
        var viewShift = afterView.Zip(afterNoise).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(noiseShift < 0.05 && viewShift > 4 * noiseShift, $"a download of pure noise moved the belief by {noiseShift}, a view by {viewShift}");
    }

    [Fact]
    public void The_explanation_keeps_the_five_strongest_shifts_strongest_first()
    {
        var d = new Driver(StageInferenceEngine.Default);
        var declaredAt = d.Now;
        d.Do(JourneyEventType.DeclaredStage, declared: d.Engine.Model.Stages.FindStage("decision"));
        for (var i = 1; i < 10; i++)
        {
            d.Wait(TimeSpan.FromMinutes(2)).Read(d.Signal("case-study", id: $"case-{i}"));
        }

        var explanation = d.Estimate().Explanation;
        Assert.Equal(5, explanation.Count);
        Assert.True(explanation[0].Type == JourneyEventType.DeclaredStage, string.Join("; ", explanation));
        Assert.Equal((declaredAt, JourneyEventType.DeclaredStage, "decision"), (explanation[0].At, explanation[0].Type, explanation[0].Stage));
        Assert.True(explanation[0].Change > 0.5, $"change {explanation[0].Change}");
        Assert.Equal(explanation.OrderByDescending(e => Math.Abs(e.Change)).Select(e => e.Change), explanation.Select(e => e.Change));
        Assert.Empty(StageInferenceEngine.Default.Estimate(StageInferenceEngine.Default.NewVisitor(), T0).Explanation);
        Assert.All(StageInferenceEngine.Default.Estimate(StageInferenceEngine.Default.NewVisitor(), T0).Probabilities.Values, p => Assert.Equal(0, p));
    }

    [Fact]
    public void A_snapshot_round_trips_the_probabilities_and_the_explanation()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("blog-post", id: "a")).Wait(TimeSpan.FromDays(1)).Read(d.Signal("pricing", id: "p")).Do(JourneyEventType.DemoRequest, d.Signal("demo-request", id: "demo"));

        var restored = d.Engine.Restore(d.Engine.Snapshot(d.Visitor));

        var expected = d.Engine.Estimate(d.Visitor, d.Now);
        var actual = d.Engine.Estimate(restored, d.Now);
        Assert.Equal(expected.Probabilities, actual.Probabilities);
        Assert.Equal(expected.Explanation, actual.Explanation);

        // Later events update both alike.
        d.Wait(TimeSpan.FromDays(2));
        var signal = d.Signal("onboarding-guide", id: "o");
        d.Do(JourneyEventType.View, signal);
        d.Engine.Apply(restored, d.Now, JourneyEventType.View, signal);
        Assert.Equal(d.Engine.Estimate(d.Visitor, d.Now).Probabilities, d.Engine.Estimate(restored, d.Now).Probabilities);
    }

    [Fact]
    public void Merging_two_devices_combines_their_evidence_and_explanations()
    {
        var phone = new Driver(StageInferenceEngine.Default);
        phone.Read(phone.Signal("pricing", id: "p1")).Read(phone.Signal("pricing", id: "p2"));
        var laptop = new Driver(StageInferenceEngine.Default) { Now = phone.Now.AddMinutes(5) };
        laptop.Read(laptop.Signal("pricing", id: "p3"));
        var alone = laptop.Estimate().Confidence;

        laptop.Engine.Merge(laptop.Visitor, phone.Visitor);

        var merged = laptop.Estimate();
        Assert.Equal("decision", merged.Stage?.Key);
        Assert.True(merged.Confidence > alone, $"{merged.Confidence} merged vs {alone} alone");
        Assert.Equal(1, merged.Probabilities.Values.Sum(), 1e-9);
        Assert.Contains(merged.Explanation, e => e.ContentId == "p1");
    }

    [Fact]
    public void A_fitted_model_is_used_by_the_engine_and_one_for_other_stages_is_refused()
    {
        var model = CompiledInferenceModel.Default;
        var catalogue = model.CatalogueOf([Item("a", "blog-post"), Item("d", "pricing")]);
        var priors = new LatentStagePriors(catalogue, model.TrialStage!.Order, model.CustomerStage!.Order);
        var fitted = model.WithLatent(priors.Model(TimeSpan.FromHours(2)));

        Assert.Equal(TimeSpan.FromHours(2), fitted.Latent.SessionGap);
        Assert.Equal(0, fitted.Signal(Item("d", "pricing")).LatentItem is var i && i >= 0 ? 0 : 1);

        var three = CompiledInferenceModel.Compile(ThreeStages());
        var error = Assert.Throws<ArgumentException>(() => model.WithLatent(three.Latent));
        Assert.Contains("stages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_put_in_force_keeps_the_visitors_in_memory_and_still_reads_content_indexed_before_it()
    {
        var engine = new StageInferenceEngine(CompiledInferenceModel.Default);
        var visitor = engine.NewVisitor();
        var before = engine.Model;
        var pricing = before.Signal(Item("d", "pricing"));
        engine.Apply(visitor, T0, JourneyEventType.View, before.Signal(Item("a", "blog-post")));
        var catalogue = before.CatalogueOf([Item("a", "blog-post"), Item("d", "pricing")]);

        engine.UseLatent(new LatentStagePriors(catalogue, before.TrialStage!.Order, before.CustomerStage!.Order).Model(TimeSpan.FromHours(2)));
        engine.Apply(visitor, T0.AddMinutes(1), JourneyEventType.View, pricing);
        engine.Apply(visitor, T0.AddMinutes(2), JourneyEventType.View, engine.Model.Signal(Item("d", "pricing")));

        Assert.NotSame(before, engine.Model);
        Assert.Equal(TimeSpan.FromHours(2), engine.Model.Latent.SessionGap);
        Assert.Equal("decision", engine.Estimate(visitor, T0.AddMinutes(2)).Stage?.Key);

        // A visitor of another engine's model is still refused.
        var foreign = new StageInferenceEngine(CompiledInferenceModel.Compile(ThreeStages())).NewVisitor();
        Assert.Throws<ArgumentException>(() => engine.Apply(foreign, T0, JourneyEventType.View));
    }
}
