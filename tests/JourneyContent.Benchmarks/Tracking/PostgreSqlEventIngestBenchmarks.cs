using BenchmarkDotNet.Attributes;
using JourneyContent.Journeys;
using JourneyContent.PostgreSql;
using JourneyContent.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JourneyContent.Benchmarks.Tracking;

/// <summary>
/// Storing tracked events in PostgreSQL the way the background writer does: one transaction of binary COPY per batch,
/// into the month's partition. Reported per batch; events/s = BatchSize / mean. Needs a server: the connection string of a
/// superuser in <c>JOURNEYCONTENT_TEST_POSTGRES</c> (./test.sh starts one); a database of its own is created and dropped.
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlEventIngestBenchmarks
{
    private readonly List<JourneyEvent> _batch = [];
    private string _admin = "";
    private string _name = "";
    private PostgreSqlConnectionFactory _connections = null!;
    private PostgreSqlJourneyStore _store = null!;

    /// <summary>Events per batch: the writer's default (500) and a larger one.</summary>
    [Params(500, 5000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _admin = Environment.GetEnvironmentVariable("JOURNEYCONTENT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set JOURNEYCONTENT_TEST_POSTGRES to a PostgreSQL superuser's connection string (./test.sh starts a server).");
        _name = "jc_bench_" + Guid.NewGuid().ToString("N")[..10];
        using (var admin = new NpgsqlConnection(_admin))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            create.ExecuteNonQuery();
        }

        _connections = new PostgreSqlConnectionFactory(Options.Create(new PostgreSqlStoreOptions
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ToString(),
        }));
        new PostgreSqlMigrator(_connections, TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        _store = new PostgreSqlJourneyStore(_connections);
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < BatchSize; i++)
        {
            _batch.Add(new JourneyEvent("visitor-" + (i % 97), at.AddSeconds(i % 3600), JourneyEventType.View, "en/pricing"));
        }
    }

    [Benchmark]
    public Task AppendBatch() => _store.AppendAsync(_batch, [], CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _connections.DisposeAsync().AsTask().GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_admin);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
