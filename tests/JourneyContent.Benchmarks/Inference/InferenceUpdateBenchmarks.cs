using BenchmarkDotNet.Attributes;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Tracking;

namespace JourneyContent.Benchmarks.Inference;

/// <summary>
/// One stage-inference update (<see cref="StageInferenceEngine.Apply"/>) on the default five-stage model: the target is
/// at most 1 µs and 0 B allocated. <see cref="Estimate"/>, which builds the output and may allocate, is shown for contrast.
/// </summary>
[MemoryDiagnoser]
public class InferenceUpdateBenchmarks
{
    private const int Mixed = 1024;

    private readonly StageInferenceEngine _engine = StageInferenceEngine.Default;
    private VisitorState _visitor = null!;
    private VisitorState[] _visitors = null!;
    private ContentSignal _caseStudy = null!;
    private (int Visitor, long Gap, JourneyEventType Type, ContentSignal? Content, JourneyContent.Stages.Stage? Declared)[] _mixed = null!;
    private DateTimeOffset _now;

    // Benchmarks run hundreds of millions of updates; the clock restarts, with fresh visitors, long before DateTime ends.
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Restart = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        var model = _engine.Model;
        _caseStudy = model.Signal(Item("en/case-study", "case-study", "consideration", new StageWeight("decision", 0.4)));
        ContentSignal[] signals =
        [
            model.Signal(Item("en/blog", "blog-post")), _caseStudy, model.Signal(Item("en/pricing", "pricing")),
            model.Signal(Item("en/benchmark", "comparison-benchmark")), model.Signal(Item("en/onboarding", "onboarding-guide")),
            model.Signal(Item("en/referral", "referral-program")), model.Signal(Item("en/white-paper", "white-paper")),
        ];
        JourneyEventType[] types =
        [
            JourneyEventType.View, JourneyEventType.Engaged, JourneyEventType.View, JourneyEventType.CtaClick, JourneyEventType.View,
            JourneyEventType.Download, JourneyEventType.View, JourneyEventType.FormSubmit, JourneyEventType.View, JourneyEventType.TrialSignUp,
            JourneyEventType.View, JourneyEventType.Purchase, JourneyEventType.View, JourneyEventType.DeclaredStage,
        ];
        long[] gaps = [0, TimeSpan.TicksPerSecond * 40, TimeSpan.TicksPerMinute * 3, TimeSpan.TicksPerHour * 6, TimeSpan.TicksPerDay * 4];
        var random = new Random(42);
        _mixed = [.. Enumerable.Range(0, Mixed).Select(i =>
        {
            var type = types[random.Next(types.Length)];
            return (random.Next(64), gaps[random.Next(gaps.Length)], type,
                type == JourneyEventType.DeclaredStage ? null : signals[random.Next(signals.Length)],
                type == JourneyEventType.DeclaredStage ? model.Stages.Stages[random.Next(model.StageCount)] : null);
        })];
        _visitors = [.. Enumerable.Range(0, 64).Select(_ => _engine.NewVisitor())];
        _visitor = _engine.NewVisitor();
        _now = Start;
        _engine.Apply(_visitor, _now, JourneyEventType.View, _caseStudy);
    }

    /// <summary>A view within the visitor's session: decay, add to two stages, top content, hysteresis.</summary>
    [Benchmark(Baseline = true)]
    public int ViewInSession()
    {
        _now = _now.AddTicks(TimeSpan.TicksPerSecond);
        return _engine.Apply(_visitor, _now, JourneyEventType.View, _caseStudy).Count;
    }

    /// <summary>A view that starts a new session, so the scores are also capped to the carry-over.</summary>
    [Benchmark]
    public int ViewStartingASession()
    {
        _now = _now.AddTicks(TimeSpan.TicksPerHour);
        if (_now > Restart)
        {
            _now = Start;
            _visitor.Reset();
        }

        return _engine.Apply(_visitor, _now, JourneyEventType.Engaged, _caseStudy).Count;
    }

    /// <summary>Mean of a mix of all event types over 64 visitors, with explicit signals and stage changes; reported per update.</summary>
    [Benchmark(OperationsPerInvoke = Mixed)]
    public int MixedUpdates()
    {
        var changes = 0;
        if (_now > Restart)
        {
            _now = Start;
            foreach (var v in _visitors)
            {
                v.Reset();
            }
        }

        foreach (var (visitor, gap, type, content, declared) in _mixed)
        {
            _now = _now.AddTicks(gap);
            changes += _engine.Apply(_visitors[visitor], _now, type, content, declared).Count;
        }

        return changes;
    }

    /// <summary>Building the full estimate (scores by key, top content, confidence): allocates, and is not on the update path.</summary>
    [Benchmark]
    public int Estimate() => _engine.Estimate(_visitor, _now).TopContent.Count;

    private static ContentItem Item(string id, string kind, string? stage = null, params StageWeight[] secondary) => new()
    {
        Id = id,
        Slug = id,
        Language = "en",
        Title = id,
        Kind = kind,
        Url = "/" + id,
        Stage = stage,
        SecondaryStages = secondary,
    };
}
