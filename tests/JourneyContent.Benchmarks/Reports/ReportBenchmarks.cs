using BenchmarkDotNet.Attributes;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Reports;
using JourneyContent.Simulation;
using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;
using JourneyContent.Sqlite;
using JourneyContent.Stages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Benchmarks.Reports;

/// <summary>
/// Every marketer report on a SQLite database of 1,000,000 events (about 25,000 visitors, with their replayed stage
/// transitions) and 100,000 leads; the target is under 1 s of server time per report page. Building the database is
/// setup (about half a minute) and is not measured; in-process runs (the test command's dry run) build it once for
/// all the reports. Run with <c>--job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly Lock Building = new();
    private static (string Folder, SqliteConnectionFactory Connections)? s_database;

    private const int Events = 1_000_000;
    private const int Leads = 100_000;
    private SqliteReportStore _reports = null!;
    private IReadOnlyList<string> _stages = null!;
    private IReadOnlyList<string> _gated = null!;
    private ReportFilter _topic = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = StageModel.Default;
        _stages = [.. model.Stages.Select(s => s.Key)];
        var catalogue = SyntheticJourneyGenerator.Catalogue(model);
        _gated = [.. catalogue.Where(i => model.FindKind(i.Kind)?.IsCallToAction == true).Select(i => i.Id)];
        _topic = new ReportFilter { Topic = "benchmark", ContentIds = catalogue.Where((_, i) => i % 3 == 0).Select(i => i.Id).ToHashSet(StringComparer.Ordinal) };
        lock (Building)
        {
            if (s_database is null)
            {
                var journeys = SyntheticJourneyGenerator.Generate(model, catalogue, new SyntheticJourneyOptions { Seed = 11, VisitorCount = 25_000 });
                var events = SyntheticJourneyGenerator.InTimeOrder(journeys).Take(Events).ToList();
                var engine = StageInferenceEngine.Default;
                var transitions = new List<StoredTransition>();
                new JourneyReplayer(engine, ContentSignalIndex.Create(engine.Model, catalogue)).Replay(events, t => transitions.Add(new StoredTransition(
                    t.VisitorId, t.Transition.From?.Key, t.Transition.To.Key, t.Transition.At, t.Transition.ContentId, t.Transition.Reason.ToString())));

                var visitors = events.Select(e => e.VisitorId).Distinct().ToList();
                var random = new Random(5);
                var leads = Enumerable.Range(0, Leads).Select(n =>
                {
                    var visitor = visitors[n % visitors.Count];
                    var at = events[random.Next(events.Count)].Timestamp;
                    return new DemoLead(
                        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), $"demo-{n}@example.com", "Demo", "Lead", "Demo Inc", n % 3 == 0 ? "fr" : "en",
                        _stages[random.Next(_stages.Count)], n % 4 == 0 ? "newsletter" : null, null, at, at.AddDays(random.Next(60)), visitor,
                        _gated[n % _gated.Count], [new DemoDownload(_gated[n % _gated.Count], at)], []);
                }).ToList();

                var folder = Path.Combine(Path.GetTempPath(), "jc-report-bench-" + Guid.NewGuid().ToString("N")[..8]);
                var connections = new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "journeycontent.db") }));
                new SqliteMigrator(connections, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
                new SqliteDemoSeeder(connections).WriteAsync(new DemoDataset(visitors.Count, events, transitions, leads), DateTimeOffset.UtcNow, CancellationToken.None).GetAwaiter().GetResult();
                s_database = (folder, connections);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                };
            }

            _reports = new SqliteReportStore(s_database.Value.Connections);
        }
    }

    [Benchmark]
    public Task<FunnelReport> Funnel() => _reports.FunnelAsync(ReportFilter.All, _stages, default);

    [Benchmark]
    public Task<FunnelReport> FunnelForOneTopic() => _reports.FunnelAsync(_topic, _stages, default);

    [Benchmark]
    public Task<TransitionReport> Transitions() => _reports.TransitionsAsync(ReportFilter.All, _stages, default);

    [Benchmark]
    public Task<IReadOnlyList<ContentInfluenceRow>> ContentInfluence() => _reports.ContentInfluenceAsync(ReportFilter.All, _stages, default);

    [Benchmark]
    public Task<IReadOnlyList<GatedAssetRow>> GatedAssets() => _reports.GatedAssetsAsync(ReportFilter.All, _gated, default);

    [Benchmark]
    public Task<DropOffReport> DropOff() => _reports.DropOffAsync(ReportFilter.All, _stages, DateTimeOffset.UtcNow, default);

    [Benchmark]
    public Task<IReadOnlyList<TrendWeek>> Trend() => _reports.TrendAsync(ReportFilter.All, default);
}
