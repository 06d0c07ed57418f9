using BenchmarkDotNet.Running;

namespace JourneyContent.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (see the README's Benchmarks section).</summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
