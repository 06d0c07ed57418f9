using JourneyContent.Inference;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class VisitorMergeTests
{
    [Fact]
    public void Scores_are_decayed_to_the_later_visit_and_added()
    {
        var laptop = new Driver(StageInferenceEngine.Default);
        laptop.Do(JourneyEventType.Download, laptop.Signal("white-paper"));
        var phone = new Driver(StageInferenceEngine.Default) { Now = T0.AddDays(14) };
        phone.Do(JourneyEventType.View, phone.Signal("case-study")).Do(JourneyEventType.Engaged, phone.Signal("case-study"));

        var changes = laptop.Engine.Merge(laptop.Visitor, phone.Visitor);

        laptop.Now = T0.AddDays(14);
        Assert.Equal(2, laptop.Score("awareness"), 9);
        Assert.Equal(3, laptop.Score("consideration"), 9);
        Assert.Equal(T0.AddDays(14), laptop.Visitor.LastEventAt);
        var change = Assert.Single(changes);
        Assert.Equal(("awareness", "consideration", StageChangeReason.Merge, T0.AddDays(14)), (change.From?.Key, change.To.Key, change.Reason, change.At));
    }

    [Fact]
    public void The_more_recent_device_stage_is_kept_unless_the_merged_scores_overturn_it()
    {
        var old = new Driver(StageInferenceEngine.Default);
        old.Read(old.Signal("blog-post")).Read(old.Signal("video"));
        var recent = new Driver(StageInferenceEngine.Default) { Now = T0.AddHours(2) };
        recent.Do(JourneyEventType.View, recent.Signal("pricing"));

        var changes = recent.Engine.Merge(recent.Visitor, old.Visitor);

        // Awareness has 6 points against decision's 1: it leads by more than the backward margin.
        Assert.Equal("awareness", recent.Stage);
        Assert.Equal(StageChangeReason.Merge, Assert.Single(changes).Reason);
    }

    [Fact]
    public void Contributions_are_added_by_content_id_and_the_strongest_kept()
    {
        var engine = Engine(new JourneyContent.Inference.StageInferenceSettings { TopContentCount = 2 });
        var a = new Driver(engine);
        a.Do(JourneyEventType.View, a.Signal("blog-post", id: "shared")).Do(JourneyEventType.View, a.Signal("video", id: "only-a"));
        var b = new Driver(engine);
        b.Do(JourneyEventType.Engaged, b.Signal("blog-post", id: "shared")).Do(JourneyEventType.Download, b.Signal("white-paper", id: "only-b"));

        engine.Merge(a.Visitor, b.Visitor);

        Assert.Equal([("only-b", 4.0), ("shared", 3.0)], a.Estimate().TopContent.Select(c => (c.ContentId, c.Score)));
    }

    [Fact]
    public void The_latest_explicit_signal_wins()
    {
        var trial = new Driver(StageInferenceEngine.Default);
        trial.Do(JourneyEventType.TrialSignUp);
        var customer = new Driver(StageInferenceEngine.Default) { Now = T0.AddDays(3) };
        customer.Do(JourneyEventType.Purchase);

        trial.Engine.Merge(trial.Visitor, customer.Visitor);

        trial.Now = T0.AddDays(3);
        var estimate = trial.Estimate();
        Assert.Equal(("loyalty", JourneyEventType.Purchase), (estimate.Explicit?.Stage, estimate.Explicit?.Signal));
        Assert.Equal("loyalty", estimate.Stage?.Key);
    }

    [Fact]
    public void Merging_into_an_empty_visitor_copies_and_merging_an_empty_one_changes_nothing()
    {
        var engine = StageInferenceEngine.Default;
        var source = new Driver(engine);
        source.Read(source.Signal("webinar"));
        var empty = engine.NewVisitor();

        var changes = engine.Merge(empty, source.Visitor);
        var none = engine.Merge(source.Visitor, engine.NewVisitor());

        Assert.Equal(engine.Snapshot(source.Visitor).Scores, engine.Snapshot(empty).Scores);
        Assert.Equal("consideration", Assert.Single(changes).To.Key);
        Assert.Null(Assert.Single(changes).From);
        Assert.Empty(none);
        Assert.Throws<ArgumentException>(() => engine.Merge(empty, empty));
    }
}
