using BenchmarkDotNet.Attributes;
using JourneyContent.Testing;

namespace JourneyContent.Benchmarks.Content;

/// <summary>
/// Server time to render one content page end to end (routing, content lookup, Razor layout and view),
/// through the in-memory test server so that no socket time is counted.
/// </summary>
[MemoryDiagnoser]
public class ContentPageBenchmarks
{
    private DemoSite _site = null!;
    private HttpClient _client = null!;

    [Params("/en/what-is-the-buyers-journey", "/fr/comparatif-plateformes-marketing-automation-2026")]
    public string Path { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _site = new DemoSite();
        _client = _site.CreateClient();
        using var warmup = _client.GetAsync(new Uri(Path, UriKind.Relative)).GetAwaiter().GetResult();
        if (!warmup.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{Path} answered {(int)warmup.StatusCode}: the benchmark would measure an error page.");
        }
    }

    [Benchmark]
    public async Task<int> RenderContentPage()
    {
        using var response = await _client.GetAsync(new Uri(Path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return html.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _site.Dispose();
    }
}
