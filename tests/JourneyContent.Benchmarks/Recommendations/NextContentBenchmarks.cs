using BenchmarkDotNet.Attributes;
using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Recommendations;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Benchmarks.Recommendations;

/// <summary>
/// Choosing next content (and the call to action) for one visitor over a catalogue of 10,000 items in two languages,
/// with 20 MoreLikeThis neighbours per item, a visitor who read 30 items; the target is a median of at most 100 µs.
/// Building the catalogue is setup (it happens once per content change); rendering is not measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NextContentBenchmarks
{
    private const int Items = 10_000;
    private RecommendationCatalog _catalog = null!;
    private CallToActionCatalog _offers = null!;
    private VisitorContext _reader = null!;
    private VisitorContext _anonymous = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = StageModel.Default;
        var random = new Random(42);
        var today = new DateOnly(2026, 11, 27);
        var kinds = model.Kinds;
        var items = new List<ContentItem>(Items);
        for (var i = 0; i < Items; i++)
        {
            var language = i % 2 == 0 ? "en" : "fr";
            var kind = kinds[random.Next(kinds.Count)];
            var stage = kind.DefaultStage ?? model.First;
            items.Add(new ContentItem
            {
                Id = $"{language}/item-{i}",
                Slug = $"item-{i}",
                Language = language,
                Title = $"Item {i}",
                Kind = kind.Key,
                Url = $"/{language}/item-{i}",
                Stage = stage.Key,
                Topics = [$"topic-{random.Next(40)}"],
                Date = today.AddDays(-random.Next(1000)),
                Boost = random.Next(10) == 0 ? 0.5 : 0,
            });
        }

        // Neighbours as the Lucene index gives them: 20 per item, same language, best first.
        var neighbours = items.Select(item => new KeyValuePair<string, IReadOnlyList<SimilarItem>>(
            item.Id,
            [.. Enumerable.Range(0, 20).Select(k => new SimilarItem($"{item.Language}/item-{(random.Next(Items / 2) * 2) + (item.Language == "en" ? 0 : 1)}", 1.0 - (k * 0.04)))]));
        var snapshot = new ContentSnapshot(items, [], DateTimeOffset.UnixEpoch);
        _catalog = RecommendationCatalog.Build(snapshot, model, new SimilarityTable(neighbours), new RecommendationSettings(), today);
        _offers = CallToActionCatalog.Build(snapshot, model);

        var history = new ReadingHistory();
        foreach (var item in items.Where(i => i.Language == "en").Take(30))
        {
            history.Record(JourneyEventType.View, item.Id);
        }

        var page = items.First(i => i.Language == "en" && i.Stage == "consideration");
        _reader = VisitorContext.For("en", page, model.FindStage("consideration"), history);
        _anonymous = VisitorContext.For("en", page, null, null);
    }

    /// <summary>Next content for a consideration visitor with history: the personalised path.</summary>
    [Benchmark(Baseline = true)]
    public int NextForReader() => NextContentSelector.Select(_catalog, _reader).Items.Count;

    /// <summary>The non-personalised default: related content of the page's stage.</summary>
    [Benchmark]
    public int NextForAnonymousVisitor() => NextContentSelector.Select(_catalog, _anonymous).Items.Count;

    /// <summary>What a page does per request: the call to action, then next content without it.</summary>
    [Benchmark]
    public int CallToActionAndNext()
    {
        var cta = CallToActionSelector.Select(_offers, _reader);
        return NextContentSelector.Select(_catalog, _reader, cta?.Offer.Source.Id).Items.Count;
    }
}
