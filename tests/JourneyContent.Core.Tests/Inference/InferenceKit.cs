using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>Content, engines and a visitor driver shared by the inference tests.</summary>
internal static class InferenceKit
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ContentItem Item(string id, string kind, string? stage = null, params StageWeight[] secondary) => new()
    {
        Id = id,
        Slug = id.Split('/')[^1],
        Language = "en",
        Title = id,
        Kind = kind,
        Url = "/" + id,
        Stage = stage,
        SecondaryStages = secondary,
    };

    public static StageInferenceEngine Engine(StageInferenceSettings? settings = null, StageModel? model = null) =>
        new(CompiledInferenceModel.Compile(model ?? StageModel.Default, settings));

    public static StageModel ThreeStages() => StageModel.Create(new StageModelSettings
    {
        Stages = [new StageSettings { Key = "discover" }, new StageSettings { Key = "evaluate" }, new StageSettings { Key = "buy" }],
        ContentKinds = new Dictionary<string, ContentKindSettings>
        {
            ["article"] = new() { DefaultStage = "discover" },
            ["comparison"] = new() { DefaultStage = "evaluate" },
            ["quote"] = new() { DefaultStage = "buy", IsCallToAction = true },
        },
    });
}

/// <summary>One visitor driven through an engine, with a clock and a record of the transitions.</summary>
internal sealed class Driver(StageInferenceEngine engine)
{
    private readonly Dictionary<string, ContentSignal> _signals = new(StringComparer.Ordinal);

    public StageInferenceEngine Engine { get; } = engine;

    public VisitorState Visitor { get; } = engine.NewVisitor();

    public DateTimeOffset Now { get; set; } = InferenceKit.T0;

    public List<StageTransition> Transitions { get; } = [];

    public ContentSignal Signal(string kind, string? stage = null, string? id = null, params StageWeight[] secondary)
    {
        id ??= $"{kind}/{stage ?? "default"}/{string.Join(",", secondary.Select(s => s.Stage + s.Weight))}";
        if (!_signals.TryGetValue(id, out var signal))
        {
            signal = Engine.Model.Signal(InferenceKit.Item(id, kind, stage, secondary));
            _signals[id] = signal;
        }

        return signal;
    }

    public Driver Do(JourneyEventType type, ContentSignal? content = null, Stage? declared = null)
    {
        foreach (var transition in Engine.Apply(Visitor, Now, type, content, declared))
        {
            Transitions.Add(transition);
        }

        return this;
    }

    /// <summary>A view, plus an engaged event when <paramref name="engaged"/>, at the same instant so that scores stay round.</summary>
    public Driver Read(ContentSignal content, bool engaged = true)
    {
        Do(JourneyEventType.View, content);
        return engaged ? Do(JourneyEventType.Engaged, content) : this;
    }

    public Driver Wait(TimeSpan time)
    {
        Now += time;
        return this;
    }

    public StageEstimate Estimate() => Engine.Estimate(Visitor, Now);

    public string? Stage => Engine.StageAt(Visitor, Now)?.Key;

    public double Score(string stage) => Estimate().Scores[stage];
}
