using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JourneyContent.Inference;
using JourneyContent.Simulation;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Benchmarks.Inference;

/// <summary>
/// Replaying a stored history of one million synthetic events (about 24,000 visitors, see
/// <see cref="SyntheticJourneyGenerator"/>) through <see cref="JourneyReplayer"/>; the target is well under a minute.
/// Generating the events is setup and is not measured.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class InferenceReplayBenchmarks
{
    private const int Events = 1_000_000;

    private JourneyReplayer _replayer = null!;
    private JourneyEvent[] _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = StageModel.Default;
        var catalogue = SyntheticJourneyGenerator.Catalogue(model);
        var journeys = SyntheticJourneyGenerator.Generate(model, catalogue, new SyntheticJourneyOptions { Seed = 7, VisitorCount = 25_000 });
        _history = [.. SyntheticJourneyGenerator.InTimeOrder(journeys).Take(Events)];
        if (_history.Length != Events)
        {
            throw new InvalidOperationException($"Only {_history.Length} events were generated.");
        }

        var engine = StageInferenceEngine.Default;
        _replayer = new JourneyReplayer(engine, ContentSignalIndex.Create(engine.Model, catalogue));
    }

    /// <summary>The million events, keeping every transition in the result.</summary>
    [Benchmark]
    public int ReplayMillionEvents() => _replayer.Replay(_history).Transitions.Count;

    /// <summary>The million events, streaming transitions to a callback instead of keeping them.</summary>
    [Benchmark]
    public long ReplayMillionEventsStreaming()
    {
        var transitions = 0L;
        _replayer.Replay(_history, _ => transitions++);
        return transitions;
    }
}
