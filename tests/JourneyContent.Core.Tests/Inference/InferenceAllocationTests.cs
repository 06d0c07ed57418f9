using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class InferenceAllocationTests
{
    [Fact]
    public void Ten_thousand_updates_allocate_nothing()
    {
        var engine = StageInferenceEngine.Default;
        var model = engine.Model;
        var signals = new[]
        {
            model.Signal(Item("a", "blog-post")),
            model.Signal(Item("c", "case-study", "consideration", new JourneyContent.Content.StageWeight("decision", 0.4))),
            model.Signal(Item("d", "pricing")),
            model.Signal(Item("l", "onboarding-guide")),
            model.Signal(Item("v", "referral-program")),
            model.Signal(Item("w", "white-paper")),
            model.Signal(Item("b", "comparison-benchmark")),
        };
        var types = new[] { JourneyEventType.View, JourneyEventType.Engaged, JourneyEventType.View, JourneyEventType.CtaClick, JourneyEventType.Download, JourneyEventType.View, JourneyEventType.TrialSignUp, JourneyEventType.FormSubmit, JourneyEventType.DeclaredStage, JourneyEventType.Purchase };
        var declared = model.Stages.FindStage("consideration")!;
        var gaps = new[] { TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.FromHours(5), TimeSpan.FromDays(2), TimeSpan.FromDays(31) };
        var visitors = Enumerable.Range(0, 16).Select(_ => engine.NewVisitor()).ToArray();
        var at = T0;
        var changed = 0;

        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                at += gaps[i % gaps.Length];
                var type = types[i % types.Length];
                var changes = engine.Apply(visitors[i % visitors.Length], at, type, signals[(i * 7 / 3) % signals.Length], type == JourneyEventType.DeclaredStage ? declared : null);
                foreach (var change in changes)
                {
                    changed += change.To.Order + 1;
                }

                changed += engine.StageAt(visitors[i % visitors.Length], at)?.Order ?? 0;
                changed += (int)engine.StageWithConfidence(visitors[i % visitors.Length], at).Confidence;
            }
        }

        Run(10_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(changed > 0);
    }
}
