using BenchmarkDotNet.Attributes;
using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Umbraco.Content;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Benchmarks.Umbraco;

/// <summary>
/// The Umbraco package's catalogue rebuild, which runs after every publish (bursts coalesced): walking every published
/// document through the document navigation and the published cache, and mapping each culture of each journey
/// document with <see cref="PublishedContentMapper"/>. Umbraco's side is hand-written fakes answering from memory (see
/// <see cref="SyntheticUmbracoSite"/>), so the figures are JourneyContent's own cost: the real published cache, URL
/// provider and value converters add theirs. Building the site is setup (well under a second for 10,000 documents).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UmbracoCatalogueBenchmarks
{
    private SyntheticUmbracoSite _site = null!;
    private PublishedContentMapper _mapper = null!;
    private UmbracoContentSource _source = null!;
    private FakeDocument _bilingual = null!;
    private readonly List<ContentLoadError> _errors = [];

    /// <summary>How many journey documents the site holds; half are published in two cultures.</summary>
    [Params(1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _site = new SyntheticUmbracoSite(Documents, StageModel.Default);
        var options = Options.Create(new UmbracoContentOptions());
        _mapper = new PublishedContentMapper(StageModel.Default, _site.Urls, options);
        _source = new UmbracoContentSource(
            _site.Navigation,
            _site.Cache,
            _site.Contexts,
            _mapper,
            new FixedOptionsMonitor<JourneyContentOptions>(new JourneyContentOptions()),
            options,
            TimeProvider.System,
            NullLogger<UmbracoContentSource>.Instance);
        _bilingual = _site.JourneyDocuments.First(d => d.Cultures.Count == 2);

        // One rebuild, to check that the benchmark measures a catalogue without errors rather than an error path.
        _source.RefreshNowAsync(CancellationToken.None).GetAwaiter().GetResult();
        var snapshot = _source.Current;
        if (snapshot.Items.Count != _site.ExpectedItems || snapshot.Errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The rebuild gave {snapshot.Items.Count} items (expected {_site.ExpectedItems}) and {snapshot.Errors.Count} errors; the first: {snapshot.Errors.FirstOrDefault()}");
        }
    }

    /// <summary>What each publish costs: the whole catalogue rebuilt and swapped in.</summary>
    [Benchmark]
    public async Task Rebuild() => await _source.RefreshNowAsync(CancellationToken.None);

    /// <summary>One document published in en-US and fr-FR, mapped in both cultures (the same document at every size).</summary>
    [Benchmark]
    public (ContentItem? English, ContentItem? French) MapOneDocument()
    {
        _errors.Clear();
        return (_mapper.Map(_bilingual, SyntheticUmbracoSite.English, "en", _errors), _mapper.Map(_bilingual, SyntheticUmbracoSite.French, "fr", _errors));
    }

    [GlobalCleanup]
    public void Cleanup() => _source.Dispose();
}
