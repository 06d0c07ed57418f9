using BenchmarkDotNet.Attributes;
using JourneyContent.Journeys;
using JourneyContent.Sqlite;
using JourneyContent.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Benchmarks.Tracking;

/// <summary>
/// Storing tracked events in SQLite the way the background writer does: batches of 500 in one transaction,
/// into a real database file in WAL mode. Reported per event; events/s = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
public class EventIngestBenchmarks
{
    private const int BatchSize = 500;
    private readonly List<JourneyEvent> _batch = [];
    private string _folder = "";
    private SqliteJourneyStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "jc-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "bench.db") }));
        new SqliteMigrator(connections, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        _store = new SqliteJourneyStore(connections);
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < BatchSize; i++)
        {
            _batch.Add(new JourneyEvent("visitor-" + (i % 97), at.AddSeconds(i), JourneyEventType.View, "en/pricing"));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task AppendBatchOf500() => _store.AppendAsync(_batch, [], CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
