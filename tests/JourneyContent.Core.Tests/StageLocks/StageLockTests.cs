using JourneyContent.Core.Tests.Inference;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.StageLocks;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Core.Tests.StageLocks;

/// <summary>A marketer's stage lock laid over the engine's estimate: the locked stage while it holds, inference's own stage before and after.</summary>
public sealed class StageLockTests
{
    private readonly FakeTimeProvider _time = new(InferenceKit.T0);

    [Fact]
    public void A_locked_stage_holds_against_contrary_evidence_and_keeps_inference_belief_underneath()
    {
        var visitor = new Driver(StageInferenceEngine.Default) { Now = _time.GetUtcNow() };
        var stageLock = new StageLock("lead-1", "awareness", _time.GetUtcNow(), _time.GetUtcNow().AddDays(7), "marketer@example.com", null);

        var pricing = visitor.Signal("pricing", "decision", "en/pricing");
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(2));
            visitor.Now = _time.GetUtcNow();
            visitor.Read(pricing);
        }

        var inferred = visitor.Estimate();
        var locked = StageLock.Over(inferred, stageLock, StageModel.Default);

        Assert.Equal("decision", inferred.Stage?.Key);
        Assert.Equal(("awareness", StageSource.Locked), (locked.Stage?.Key, locked.Source));
        Assert.Same(stageLock, locked.Lock);
        Assert.Equal(inferred.Probabilities, locked.Probabilities);
        Assert.Equal(inferred.Probabilities["awareness"], locked.Confidence, 12);
        Assert.Equal(inferred.Explanation, locked.Explanation);
    }

    [Fact]
    public void When_the_lock_expires_inference_decides_again()
    {
        var visitor = new Driver(StageInferenceEngine.Default) { Now = _time.GetUtcNow() };
        var stageLock = new StageLock("lead-1", "loyalty", _time.GetUtcNow(), _time.GetUtcNow().AddDays(30), "marketer@example.com", "signed the contract");
        visitor.Read(visitor.Signal("comparison-benchmark", "consideration", "en/benchmark"));

        _time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromTicks(1));
        visitor.Now = _time.GetUtcNow();
        var lastMoment = StageLock.Over(visitor.Estimate(), stageLock, StageModel.Default);
        _time.Advance(TimeSpan.FromTicks(1));
        visitor.Now = _time.GetUtcNow();
        var expired = StageLock.Over(visitor.Estimate(), stageLock, StageModel.Default);

        Assert.Equal(("loyalty", StageSource.Locked), (lastMoment.Stage?.Key, lastMoment.Source));
        Assert.Equal(("consideration", StageSource.Inferred), (expired.Stage?.Key, expired.Source));
        Assert.Null(expired.Lock);
    }

    [Fact]
    public void Without_a_lock_or_with_a_lock_on_a_stage_the_funnel_lost_the_estimate_is_inference_own()
    {
        var visitor = new Driver(StageInferenceEngine.Default) { Now = _time.GetUtcNow() };
        visitor.Read(visitor.Signal("pricing", "decision", "en/pricing"));
        var estimate = visitor.Estimate();
        var lostStage = new StageLock("lead-1", "advocacy-v0", _time.GetUtcNow(), _time.GetUtcNow().AddDays(7), "marketer@example.com", null);

        Assert.Same(estimate, StageLock.Over(estimate, null, StageModel.Default));
        Assert.Same(estimate, StageLock.Over(estimate, lostStage, StageModel.Default));
    }

    [Fact]
    public void A_lock_holds_from_when_it_was_set_until_just_before_its_end()
    {
        var at = _time.GetUtcNow();
        var stageLock = new StageLock("lead-1", "decision", at, at.AddDays(7), "marketer@example.com", null);

        Assert.False(stageLock.IsActiveAt(at.AddTicks(-1)));
        Assert.True(stageLock.IsActiveAt(at));
        Assert.True(stageLock.IsActiveAt(at.AddDays(7).AddTicks(-1)));
        Assert.False(stageLock.IsActiveAt(at.AddDays(7)));
    }

    [Fact]
    public void A_visitor_with_nothing_known_is_in_the_locked_stage_while_the_lock_holds()
    {
        var engine = StageInferenceEngine.Default;
        var stageLock = new StageLock("lead-1", "decision", _time.GetUtcNow(), _time.GetUtcNow().AddDays(7), "marketer@example.com", null);

        var locked = StageLock.Over(engine.Estimate(engine.NewVisitor(), _time.GetUtcNow()), stageLock, StageModel.Default);

        Assert.Equal(("decision", StageSource.Locked, 0.0), (locked.Stage?.Key, locked.Source, locked.Confidence));
        Assert.All(locked.Probabilities.Values, p => Assert.Equal(0, p));
    }
}
