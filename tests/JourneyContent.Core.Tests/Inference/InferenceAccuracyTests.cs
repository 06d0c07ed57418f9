using System.Globalization;
using System.Text;
using JourneyContent.Inference;
using JourneyContent.Simulation;
using JourneyContent.Stages;
using Xunit.Abstractions;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>
/// The engine against the two naive baselines on synthetic journeys whose true stages are known
/// (see <see cref="SyntheticJourneyGenerator"/> for the model of behaviour and <see cref="InferenceEvaluation"/> for the measure).
/// Reproduce the table with:
/// <c>dotnet test tests/JourneyContent.Core.Tests --filter FullyQualifiedName~InferenceAccuracyTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class InferenceAccuracyTests(ITestOutputHelper output)
{
    private const int Visitors = 2_000;

    private static readonly (string Name, StageModel Model, SyntheticJourneyOptions Options)[] Scenarios =
    [
        ("typical (defaults)", StageModel.Default, new() { Seed = 101 }),
        ("content only: views + engaged", StageModel.Default, new() { Seed = 102, CallsToAction = false, ExplicitSignals = false }),
        ("fast movers: gaps 1 h–2 d", StageModel.Default, new() { Seed = 103, MinGap = TimeSpan.FromHours(1), MaxGap = TimeSpan.FromDays(2) }),
        ("slow movers: gaps 1–6 weeks", StageModel.Default, new() { Seed = 104, MinGap = TimeSpan.FromDays(7), MaxGap = TimeSpan.FromDays(42) }),
        ("noisy readers: 50 % on stage", StageModel.Default, new() { Seed = 105, OnStageShare = 0.5, NeighbourShare = 0.25 }),
        ("three-stage funnel", InferenceKit.ThreeStages(), new() { Seed = 106 }),
    ];

    [Fact]
    public void Engine_clearly_beats_the_last_item_and_last_five_majority_baselines()
    {
        var rows = new List<(string Name, InferenceEvaluationResult Result)>();
        foreach (var (name, model, options) in Scenarios)
        {
            options.VisitorCount = Visitors;
            var catalogue = SyntheticJourneyGenerator.Catalogue(model);
            var journeys = SyntheticJourneyGenerator.Generate(model, catalogue, options);
            var engine = new StageInferenceEngine(CompiledInferenceModel.Compile(model));
            rows.Add((name, InferenceEvaluation.Run(engine, ContentSignalIndex.Create(engine.Model, catalogue), journeys)));
        }

        var overall = new InferenceEvaluationResult(Sum(rows, r => r.Engine), Sum(rows, r => r.LastItem), Sum(rows, r => r.MajorityOfLastFive));
        rows.Add(("overall", overall));
        output.WriteLine(Table(rows, m => m.EventAccuracy, m => m.Events, "Accuracy after each event (a visitor's first 3 events not measured)"));
        output.WriteLine(Table(rows, m => m.SessionEndAccuracy, m => m.SessionEnds, "Accuracy at each session end"));

        foreach (var (name, result) in rows)
        {
            var best = Math.Max(result.LastItem.EventAccuracy, result.MajorityOfLastFive.EventAccuracy);
            Assert.True(result.Engine.EventAccuracy >= best + 0.03, $"{name}: engine {result.Engine.EventAccuracy:P1} vs best baseline {best:P1}");
            var bestAtEnd = Math.Max(result.LastItem.SessionEndAccuracy, result.MajorityOfLastFive.SessionEndAccuracy);
            Assert.True(result.Engine.SessionEndAccuracy >= bestAtEnd + 0.03, $"{name} at session ends: engine {result.Engine.SessionEndAccuracy:P1} vs best baseline {bestAtEnd:P1}");
        }

        Assert.True(overall.Engine.EventAccuracy >= Math.Max(overall.LastItem.EventAccuracy, overall.MajorityOfLastFive.EventAccuracy) + 0.05);
    }

    private static MethodAccuracy Sum(List<(string Name, InferenceEvaluationResult Result)> rows, Func<InferenceEvaluationResult, MethodAccuracy> method) =>
        new(method(rows[0].Result).Method, rows.Sum(r => method(r.Result).EventsCorrect), rows.Sum(r => method(r.Result).Events),
            rows.Sum(r => method(r.Result).SessionEndsCorrect), rows.Sum(r => method(r.Result).SessionEnds));

    private static string Table(List<(string Name, InferenceEvaluationResult Result)> rows, Func<MethodAccuracy, double> accuracy, Func<MethodAccuracy, int> count, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}, {Visitors:N0} visitors per scenario:");
        text.AppendLine();
        text.AppendLine("| Scenario | Measured | Engine | Last item | Majority of last 5 | Engine lead |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, r) in rows)
        {
            var lead = accuracy(r.Engine) - Math.Max(accuracy(r.LastItem), accuracy(r.MajorityOfLastFive));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {count(r.Engine):N0} | {accuracy(r.Engine):P1} | {accuracy(r.LastItem):P1} | {accuracy(r.MajorityOfLastFive):P1} | {lead * 100:+0.0;-0.0} pts |");
        }

        return text.ToString();
    }
}
