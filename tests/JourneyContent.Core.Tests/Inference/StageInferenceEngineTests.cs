using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class StageInferenceEngineTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void A_new_visitor_has_no_stage_no_confidence_and_zero_scores()
    {
        var d = new Driver(StageInferenceEngine.Default);

        var estimate = d.Estimate();

        Assert.Null(estimate.Stage);
        Assert.Equal(0, estimate.Confidence);
        Assert.Equal(StageSource.None, estimate.Source);
        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], estimate.Scores.Keys);
        Assert.All(estimate.Scores.Values, s => Assert.Equal(0, s));
        Assert.Empty(estimate.TopContent);
        Assert.True(d.Visitor.IsEmpty);
    }

    [Fact]
    public void A_call_to_action_impression_leaves_the_visitor_untouched()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("blog-post", id: "en/post"));
        var before = d.Estimate();

        d.Now = d.Now.AddHours(1);
        d.Do(JourneyEventType.CtaImpression, d.Signal("trial-cta", id: "en/trial"));

        Assert.Empty(d.Transitions.Skip(1));
        Assert.Equal(before.Scores, d.Engine.Estimate(d.Visitor, before.At).Scores);
        Assert.Equal(before.At, d.Visitor.LastEventAt);
    }

    [Fact]
    public void Visitor_reading_three_consideration_items_is_in_consideration()
    {
        var d = new Driver(StageInferenceEngine.Default);

        d.Read(d.Signal("case-study", id: "en/case-1")).Read(d.Signal("webinar", id: "en/webinar")).Read(d.Signal("comparison-benchmark", id: "en/benchmark"));

        var estimate = d.Estimate();
        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Equal(StageSource.Inferred, estimate.Source);
        Assert.Equal(9, estimate.Scores["consideration"], Tolerance);
        Assert.Equal(estimate.Probabilities["consideration"], estimate.Confidence, Tolerance);
        Assert.True(estimate.Confidence > 0.9, $"confidence {estimate.Confidence}");
        Assert.Equal(["en/benchmark", "en/case-1", "en/webinar"], estimate.TopContent.Select(c => c.ContentId));
    }

    [Fact]
    public void Awareness_reading_two_months_ago_and_a_benchmark_today_is_consideration()
    {
        var d = new Driver(StageInferenceEngine.Default);
        for (var i = 0; i < 5; i++)
        {
            d.Read(d.Signal("blog-post", id: $"en/post-{i}"));
        }

        Assert.Equal("awareness", d.Stage);

        d.Wait(TimeSpan.FromDays(60)).Read(d.Signal("comparison-benchmark", id: "en/benchmark-2026"));

        var estimate = d.Estimate();
        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Equal("en/benchmark-2026", estimate.TopContent[0].ContentId);
        var last = d.Transitions[^1];
        Assert.Equal(("awareness", "consideration", "en/benchmark-2026", StageChangeReason.Inference), (last.From?.Key, last.To.Key, last.ContentId, last.Reason));
    }

    [Fact]
    public void The_first_evidence_sets_the_stage_and_is_reported_as_a_transition_from_none()
    {
        var d = new Driver(StageInferenceEngine.Default);
        var at = d.Now;

        d.Do(JourneyEventType.View, d.Signal("pricing", id: "en/pricing"));

        var transition = Assert.Single(d.Transitions);
        Assert.Null(transition.From);
        Assert.Equal("decision", transition.To.Key);
        Assert.Equal(at, transition.At);
        Assert.Equal("en/pricing", transition.ContentId);
        Assert.Equal(StageChangeReason.Inference, transition.Reason);
    }

    [Theory]
    [InlineData(JourneyEventType.View, 1)]
    [InlineData(JourneyEventType.Engaged, 2)]
    [InlineData(JourneyEventType.CtaClick, 3)]
    [InlineData(JourneyEventType.Download, 4)]
    [InlineData(JourneyEventType.FormSubmit, 5)]
    public void Each_event_type_adds_its_default_weight_to_the_content_stage(JourneyEventType type, double weight)
    {
        var d = new Driver(StageInferenceEngine.Default);

        d.Do(type, d.Signal("white-paper"));

        Assert.Equal(weight, d.Score("awareness"), Tolerance);
    }

    [Fact]
    public void Secondary_stages_receive_the_weight_times_their_share()
    {
        var d = new Driver(StageInferenceEngine.Default);
        var caseStudy = d.Signal("case-study", "consideration", "en/case", new StageWeight("decision", 0.4), new StageWeight("nowhere", 0.5));

        d.Do(JourneyEventType.Engaged, caseStudy);

        Assert.Equal(2, d.Score("consideration"), Tolerance);
        Assert.Equal(0.8, d.Score("decision"), Tolerance);
        Assert.Equal(3, d.Estimate().Scores.Count(s => s.Value == 0));
        var (stage, share) = Assert.Single(caseStudy.SecondaryStages);
        Assert.Equal(("decision", 0.4), (stage.Key, share));
    }

    [Fact]
    public void A_kind_multiplier_scales_every_event_on_content_of_that_kind()
    {
        var engine = Engine(new StageInferenceSettings { KindMultipliers = { ["pricing"] = 1.5 } });
        var d = new Driver(engine);

        d.Do(JourneyEventType.View, d.Signal("pricing")).Do(JourneyEventType.CtaClick, d.Signal("pricing")).Do(JourneyEventType.View, d.Signal("testimonial"));

        Assert.Equal((1.5 * (1 + 3)) + 1, d.Score("decision"), Tolerance);
        Assert.Equal(1.5, engine.Model.KindMultiplier("pricing"));
        Assert.Equal(1, engine.Model.KindMultiplier("testimonial"));
    }

    [Fact]
    public void Untagged_content_counts_towards_its_kind_default_stage()
    {
        var d = new Driver(StageInferenceEngine.Default);

        d.Do(JourneyEventType.View, d.Signal("onboarding-guide"));

        Assert.Equal("loyalty", d.Stage);
    }

    [Fact]
    public void Secondary_stages_add_to_the_scores_but_the_belief_follows_the_primary_tag()
    {
        var d = new Driver(StageInferenceEngine.Default);

        d.Do(JourneyEventType.View, d.Signal("pricing", "decision", "en/pricing", new StageWeight("awareness", 1)));

        Assert.Equal(d.Score("awareness"), d.Score("decision"));
        Assert.Equal("decision", d.Stage);
    }

    [Fact]
    public void A_single_stray_read_does_not_move_a_settled_visitor()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("blog-post", id: "a1")).Read(d.Signal("video", id: "a2"));

        d.Read(d.Signal("case-study", id: "c1"), engaged: false).Read(d.Signal("testimonial", id: "d1"), engaged: false);

        Assert.Equal("awareness", d.Stage);
        Assert.Single(d.Transitions);
    }

    [Fact]
    public void A_challenger_replaces_the_current_stage_only_when_it_leads_by_the_switch_margin()
    {
        var latent = StageInferenceEngine.Default.Model.Latent;
        Assert.Equal(LatentStageModel.DefaultSwitchMargin, latent.SwitchMargin);

        Assert.Equal(1, latent.Choose([0.30, 0.34, 0.36, 0, 0], current: 1));
        Assert.Equal(2, latent.Choose([0.30, 0.30, 0.40, 0, 0], current: 1));
        Assert.Equal(2, latent.Choose([0.30, 0.34, 0.36, 0, 0], current: -1));
        Assert.Equal(0, latent.WithSwitchMargin(0).Choose([0.36, 0.34, 0.30, 0, 0], current: 1));
    }

    [Fact]
    public void A_challenger_that_leads_by_exactly_the_margin_does_not_win()
    {
        var d = new Driver(Engine(new StageInferenceSettings { ForwardMargin = 2 }));
        d.Do(JourneyEventType.View, d.Signal("blog-post"));

        d.Do(JourneyEventType.CtaClick, d.Signal("webinar"));

        Assert.Equal("awareness", d.Stage);
        d.Do(JourneyEventType.View, d.Signal("webinar"));
        Assert.Equal("consideration", d.Stage);
    }

    [Fact]
    public void A_new_session_carries_over_at_most_the_configured_points_in_the_same_proportions()
    {
        var d = new Driver(StageInferenceEngine.Default);
        for (var i = 0; i < 6; i++)
        {
            d.Read(d.Signal("blog-post"));
        }

        d.Read(d.Signal("webinar")).Read(d.Signal("webinar"));
        Assert.Equal((18.0, 6.0), (d.Score("awareness"), d.Score("consideration")));

        d.Wait(TimeSpan.FromMinutes(31)).Do(JourneyEventType.View, d.Signal("pricing"));

        Assert.Equal(3, d.Score("awareness"), Tolerance);
        Assert.Equal(1, d.Score("consideration"), Tolerance);
        Assert.Equal(1, d.Score("decision"), Tolerance);
    }

    [Fact]
    public void Events_within_the_session_gap_are_not_capped()
    {
        var d = new Driver(StageInferenceEngine.Default);
        for (var i = 0; i < 6; i++)
        {
            d.Read(d.Signal("blog-post")).Wait(TimeSpan.FromMinutes(29));
        }

        Assert.InRange(d.Score("awareness"), 17.8, 18);
    }

    [Fact]
    public void A_trial_sign_up_holds_decision_for_thirty_days_then_inference_resumes()
    {
        var d = new Driver(StageInferenceEngine.Default);
        var trial = d.Signal("trial-cta", id: "en/free-trial");
        d.Read(d.Signal("blog-post", id: "en/post"));
        var signedUpAt = d.Now;
        d.Do(JourneyEventType.TrialSignUp, trial);

        Assert.Equal("decision", d.Stage);
        Assert.Equal(StageChangeReason.ExplicitSignal, d.Transitions[^1].Reason);
        var held = d.Estimate();
        Assert.Equal(StageSource.Explicit, held.Source);
        Assert.Equal(held.Probabilities["decision"], held.Confidence);
        Assert.True(held.Confidence > 0.5, $"confidence {held.Confidence}");
        Assert.Equal(new ExplicitStage("decision", JourneyEventType.TrialSignUp, signedUpAt, signedUpAt.AddDays(30)), held.Explicit);

        for (var day = 1; day <= 29; day++)
        {
            d.Wait(TimeSpan.FromDays(1)).Read(d.Signal("blog-post", id: $"en/post-{day}"));
        }

        Assert.Equal("decision", d.Stage);
        Assert.Equal("awareness", d.Visitor.InferredStage?.Key);

        d.Now = signedUpAt.AddDays(30);
        Assert.Equal("awareness", d.Stage);
        Assert.Equal(StageSource.Inferred, d.Estimate().Source);
        Assert.Null(d.Estimate().Explicit);

        d.Wait(TimeSpan.FromHours(1)).Read(d.Signal("blog-post", id: "en/post-30"));
        var expiry = d.Transitions[^1];
        Assert.Equal(("decision", "awareness", signedUpAt.AddDays(30), null, StageChangeReason.ExplicitSignalExpired), (expiry.From?.Key, expiry.To.Key, expiry.At, expiry.ContentId, expiry.Reason));
    }

    [Fact]
    public void A_customer_who_reads_the_referral_programme_moves_on_to_advocacy_during_the_period()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.Purchase);
        Assert.Equal("loyalty", d.Stage);

        d.Wait(TimeSpan.FromDays(2)).Read(d.Signal("referral-program")).Read(d.Signal("review-request"));

        var estimate = d.Estimate();
        Assert.Equal("advocacy", estimate.Stage?.Key);
        Assert.Equal(StageSource.Inferred, estimate.Source);
        Assert.Equal("loyalty", estimate.Explicit?.Stage);
    }

    [Fact]
    public void A_customer_reading_awareness_posts_stays_a_customer_during_the_period()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.CustomerFlag);

        for (var i = 0; i < 10; i++)
        {
            d.Wait(TimeSpan.FromDays(1)).Read(d.Signal("blog-post", id: $"post-{i}"));
        }

        Assert.Equal("loyalty", d.Stage);
        Assert.Equal("awareness", d.Visitor.InferredStage?.Key);
    }

    [Fact]
    public void The_latest_explicit_signal_replaces_an_earlier_one()
    {
        var d = new Driver(StageInferenceEngine.Default);
        var model = d.Engine.Model.Stages;
        d.Do(JourneyEventType.DemoRequest, d.Signal("demo-request"));

        d.Wait(TimeSpan.FromDays(1)).Do(JourneyEventType.DeclaredStage, declared: model.FindStage("consideration"));

        var estimate = d.Estimate();
        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Equal(JourneyEventType.DeclaredStage, estimate.Explicit?.Signal);
        Assert.Equal(("decision", "consideration", StageChangeReason.ExplicitSignal), (d.Transitions[^1].From?.Key, d.Transitions[^1].To.Key, d.Transitions[^1].Reason));
    }

    [Fact]
    public void A_zero_signal_duration_sets_the_stage_without_holding_it()
    {
        var d = new Driver(Engine(new StageInferenceSettings { ExplicitSignalDuration = TimeSpan.Zero }));
        d.Do(JourneyEventType.Purchase);
        Assert.Equal(("loyalty", StageSource.Inferred), (d.Stage, d.Estimate().Source));

        d.Read(d.Signal("blog-post")).Read(d.Signal("blog-post")).Read(d.Signal("blog-post"));

        // Nothing holds it: reading enough awareness content is evidence enough to move back.
        Assert.Equal(("awareness", StageSource.Inferred), (d.Stage, d.Estimate().Source));
    }

    [Fact]
    public void A_declared_stage_event_needs_a_stage_of_the_engine_model_and_only_it_takes_one()
    {
        var engine = StageInferenceEngine.Default;
        var visitor = engine.NewVisitor();
        var foreign = ThreeStages().Stages[0];

        Assert.Throws<ArgumentException>(() => engine.Apply(visitor, T0, JourneyEventType.DeclaredStage));
        Assert.Throws<ArgumentException>(() => engine.Apply(visitor, T0, JourneyEventType.DeclaredStage, declaredStage: foreign));
        Assert.Throws<ArgumentException>(() => engine.Apply(visitor, T0, JourneyEventType.View, declaredStage: engine.Model.Stages.First));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Apply(visitor, T0, (JourneyEventType)42));
        Assert.True(visitor.IsEmpty);
    }

    [Fact]
    public void Visitors_and_signals_of_another_model_are_refused()
    {
        var engine = StageInferenceEngine.Default;
        var other = Engine();

        Assert.Throws<ArgumentException>(() => engine.Apply(other.NewVisitor(), T0, JourneyEventType.View));
        Assert.Throws<ArgumentException>(() => engine.Apply(engine.NewVisitor(), T0, JourneyEventType.View, other.Model.Signal(Item("x", "blog-post"))));
        Assert.Throws<ArgumentNullException>(() => engine.Apply(null!, T0, JourneyEventType.View));
    }

    [Fact]
    public void Confidence_is_the_filtered_probability_it_grows_with_consistent_reading_and_time_alone_does_not_change_it()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.View, d.Signal("blog-post"));
        var first = d.Estimate();
        Assert.Equal(first.Probabilities["awareness"], first.Confidence, Tolerance);

        d.Read(d.Signal("blog-post")).Read(d.Signal("video"));
        var settled = d.Estimate().Confidence;
        Assert.True(settled > first.Confidence, $"{settled} after more awareness reading vs {first.Confidence}");

        // The belief changes with events, not with the clock; a long pause is a session boundary at the next event.
        d.Wait(TimeSpan.FromDays(365));
        Assert.Equal(settled, d.Estimate().Confidence, Tolerance);
        Assert.Equal("awareness", d.Stage);
    }

    [Fact]
    public void Top_content_keeps_the_strongest_items_up_to_the_configured_count()
    {
        var d = new Driver(Engine(new StageInferenceSettings { TopContentCount = 2 }));
        d.Do(JourneyEventType.View, d.Signal("blog-post", id: "weak"));
        d.Do(JourneyEventType.Download, d.Signal("white-paper", id: "strong"));
        d.Do(JourneyEventType.Engaged, d.Signal("video", id: "middle"));
        d.Do(JourneyEventType.View, d.Signal("video", id: "weakest"));

        Assert.Equal([("strong", 4.0), ("middle", 2.0)], d.Estimate().TopContent.Select(c => (c.ContentId, c.Score)));

        d.Wait(TimeSpan.FromDays(14));
        Assert.Equal([2.0, 1.0], d.Estimate().TopContent.Select(c => Math.Round(c.Score, 9)));
    }

    [Fact]
    public void An_event_older_than_the_last_one_is_decayed_to_the_last_one_time()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.View, d.Signal("blog-post"));
        d.Wait(TimeSpan.FromDays(14)).Do(JourneyEventType.View, d.Signal("video"));
        var last = d.Visitor.LastEventAt;

        d.Engine.Apply(d.Visitor, d.Now.AddDays(-14), JourneyEventType.Download, d.Signal("white-paper"));

        Assert.Equal(last, d.Visitor.LastEventAt);
        Assert.Equal(0.5 + 1 + 2, d.Score("awareness"), Tolerance);
    }

    [Fact]
    public void Scores_halve_every_half_life()
    {
        var d = new Driver(Engine(new StageInferenceSettings { HalfLife = TimeSpan.FromDays(7) }));
        d.Do(JourneyEventType.FormSubmit, d.Signal("webinar"));

        Assert.Equal(2.5, d.Wait(TimeSpan.FromDays(7)).Score("consideration"), Tolerance);
        Assert.Equal(1.25, d.Wait(TimeSpan.FromDays(7)).Score("consideration"), Tolerance);
        Assert.Equal(d.Now, d.Estimate().At);
    }

    [Fact]
    public void An_estimate_before_the_last_event_is_made_at_the_last_event()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Do(JourneyEventType.View, d.Signal("webinar"));

        var estimate = d.Engine.Estimate(d.Visitor, T0.AddDays(-3));

        Assert.Equal(T0, estimate.At);
        Assert.Equal(1, estimate.Scores["consideration"]);
    }

    [Fact]
    public void Stage_with_confidence_agrees_with_the_estimate()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("webinar")).Do(JourneyEventType.Purchase).Wait(TimeSpan.FromDays(3)).Read(d.Signal("blog-post"));

        foreach (var days in new[] { 0, 10, 40 })
        {
            var at = d.Now.AddDays(days);
            var estimate = d.Engine.Estimate(d.Visitor, at);
            Assert.Equal((estimate.Stage, estimate.Confidence, estimate.Source), d.Engine.StageWithConfidence(d.Visitor, at));
            Assert.Equal(estimate.Stage, d.Engine.StageAt(d.Visitor, at));
        }
    }

    [Fact]
    public void A_snapshot_restores_the_same_visitor()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("webinar", id: "w")).Do(JourneyEventType.DemoRequest, d.Signal("demo-request", id: "demo")).Wait(TimeSpan.FromDays(2)).Read(d.Signal("case-study", id: "c"));

        var snapshot = d.Engine.Snapshot(d.Visitor);
        var restored = d.Engine.Restore(snapshot);

        Assert.Equal(d.Visitor.LastEventAt, restored.LastEventAt);
        Assert.Equal(d.Visitor.InferredStage, restored.InferredStage);
        foreach (var days in new[] { 0, 20, 40 })
        {
            var expected = d.Engine.Estimate(d.Visitor, d.Now.AddDays(days));
            var actual = d.Engine.Estimate(restored, d.Now.AddDays(days));
            Assert.Equal((expected.Stage, expected.Confidence, expected.Source, expected.Explicit), (actual.Stage, actual.Confidence, actual.Source, actual.Explicit));
            Assert.Equal(expected.Scores, actual.Scores);
            Assert.Equal(expected.TopContent, actual.TopContent);
        }

        Assert.Equal(new VisitorSnapshot().LastEventAt, d.Engine.Snapshot(d.Engine.NewVisitor()).LastEventAt);
        Assert.True(d.Engine.Restore(new VisitorSnapshot()).IsEmpty);
    }

    [Fact]
    public void A_snapshot_from_a_larger_funnel_restores_into_a_smaller_one_without_the_missing_stages()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("webinar", id: "w")).Do(JourneyEventType.Purchase);
        var snapshot = d.Engine.Snapshot(d.Visitor);
        var small = Engine(model: StageModel.Create(new StageModelSettings { Stages = [new() { Key = "awareness" }, new() { Key = "consideration" }, new() { Key = "decision" }] }));

        var restored = small.Restore(snapshot);

        var estimate = small.Estimate(restored, d.Now);
        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Null(estimate.Explicit);
        Assert.Equal(["awareness", "consideration", "decision"], estimate.Scores.Keys);
        Assert.Throws<ArgumentException>(() => small.Restore(snapshot with { Scores = new Dictionary<string, double> { ["awareness"] = -1 } }));
    }

    [Fact]
    public void A_reset_visitor_is_as_new()
    {
        var d = new Driver(StageInferenceEngine.Default);
        d.Read(d.Signal("webinar")).Do(JourneyEventType.Purchase);

        d.Visitor.Reset();

        Assert.True(d.Visitor.IsEmpty);
        Assert.Null(d.Visitor.LastEventAt);
        var estimate = d.Estimate();
        Assert.Equal((null, 0.0, StageSource.None, null), (estimate.Stage, estimate.Confidence, estimate.Source, estimate.Explicit));
        Assert.Empty(estimate.TopContent);
        Assert.All(estimate.Scores.Values, s => Assert.Equal(0, s));
        d.Read(d.Signal("blog-post"));
        Assert.Equal("awareness", d.Stage);
    }

    [Fact]
    public void A_custom_three_stage_funnel_works_end_to_end()
    {
        var model = ThreeStages();
        var engine = Engine(model: model);
        var d = new Driver(engine);

        d.Read(d.Signal("article", id: "a")).Read(d.Signal("article", id: "b"));
        Assert.Equal("discover", d.Stage);
        d.Wait(TimeSpan.FromDays(3)).Read(d.Signal("comparison", id: "c")).Read(d.Signal("comparison", id: "d"));
        Assert.Equal("evaluate", d.Stage);
        d.Wait(TimeSpan.FromDays(3)).Do(JourneyEventType.View, d.Signal("quote", id: "q")).Do(JourneyEventType.FormSubmit, d.Signal("quote", id: "q"));
        Assert.Equal("buy", d.Stage);

        // The built-in trial and customer stages do not exist here: those signals are plain evidence.
        Assert.Null(engine.Model.TrialStage);
        Assert.Null(engine.Model.CustomerStage);
        d.Do(JourneyEventType.Purchase, d.Signal("quote", id: "q"));
        Assert.Equal(StageSource.Inferred, d.Estimate().Source);
        Assert.Equal(["discover", "evaluate", "buy"], d.Transitions.Select(t => t.To.Key));
        Assert.Equal(["discover", "evaluate", "buy"], d.Estimate().Scores.Keys);
    }
}
