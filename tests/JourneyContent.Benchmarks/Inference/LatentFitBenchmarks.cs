using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JourneyContent.Inference;
using JourneyContent.Simulation;

namespace JourneyContent.Benchmarks.Inference;

/// <summary>
/// Fitting the latent-stage model (<see cref="LatentStageFitter.Fit"/>, all candidate session gaps, default options) on
/// about one million events of 50,000 visitors of the suite's typical generator; the target is under 60 s on 2 cores.
/// Generating the events is setup and is not measured.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class LatentFitBenchmarks
{
    private const int Visitors = 50_000;
    private const int EventsPerVisitor = 20;

    private LatentObservation[][] _history = null!;
    private LatentStagePriors _priors = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = GeneratorSuite.All[0];
        _history = [.. generator.Generate(Visitors, 5).Select(v => v.Events.Take(EventsPerVisitor).ToArray())];
        _priors = new LatentStagePriors(generator.Catalogue, generator.StageCount - 2, generator.StageCount - 1);
        Console.WriteLine($"// {_history.Sum(v => v.Length):N0} events of {_history.Length:N0} visitors");
    }

    /// <summary>One full fit, gap selection included.</summary>
    [Benchmark]
    public double FitMillionEvents() => LatentStageFitter.Fit(_priors, () => _history).HeldOutLogLikelihood;
}
