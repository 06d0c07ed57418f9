using BenchmarkDotNet.Attributes;
using JourneyContent.Markdown;
using JourneyContent.Testing;

namespace JourneyContent.Benchmarks.Markdown;

/// <summary>Rendering and sanitising one real demo article, the work done per file when content is (re)loaded.</summary>
[MemoryDiagnoser]
public class MarkdownRenderBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _body = "";

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.DemoContent, "en", "how-to-map-your-customer-journey.md"));
        _body = FrontMatterDocument.TrySplit(text, out _)!.Body;
    }

    [Benchmark]
    public int RenderArticle() => _renderer.Render(_body).Html.Length;
}
