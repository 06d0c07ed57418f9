using Dapper;
using JourneyContent.Journeys;
using JourneyContent.StoreContracts;
using JourneyContent.Tracking;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL journey store held to the contract every provider keeps, and its monthly partitions.</summary>
public sealed class PostgreSqlJourneyStoreTests : JourneyStoreContract
{
    private TempPostgreSqlDatabase? _database;
    private PostgreSqlConnectionFactory? _connections;

    private PostgreSqlJourneyStore PostgreSqlStore => (PostgreSqlJourneyStore)Store;

    protected override async Task<IJourneyStore> CreateStoreAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        _connections = _database.NewFactory();
        return new PostgreSqlJourneyStore(_connections);
    }

    protected override async Task DeleteStoreAsync()
    {
        if (_connections is not null)
        {
            await _connections.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task InsertRawEventAsync(string visitorId, DateTimeOffset at, string type, string? contentId)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.ExecuteAsync(
            "INSERT INTO journey_events (visitor_id, at, type, content_id) VALUES (@visitorId, @at, @type, @contentId)",
            new { visitorId, at = at.UtcDateTime, type, contentId });
    }

    [Fact]
    public async Task Each_month_written_gets_a_partition_that_holds_its_events()
    {
        var december = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);
        // 00:30 on 1 January in Paris is still December in UTC: partitions follow UTC.
        var newYearInParis = new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1));
        await Store.AppendAsync([View("v", december), View("v", newYearInParis), View("w", december.AddSeconds(1))], [], default);

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)], await PostgreSqlStore.MonthsAsync(default));
        Assert.Equal(2, await _database!.ScalarAsync<long>("SELECT count(*) FROM journey_events_p202612"));
        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM journey_events_p202701"));
    }

    [Fact]
    public async Task Retention_drops_the_months_that_ended_before_the_cutoff_and_the_transitions_of_the_same_span()
    {
        await Store.AppendAsync(
            [View("v", new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)), View("v", new(2026, 2, 28, 23, 0, 0, TimeSpan.Zero)), View("v", new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))],
            [Move("v", new(2026, 2, 28, 23, 0, 0, TimeSpan.Zero)), Move("v", new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))], default);

        var removed = await Store.RemoveBeforeAsync(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero), default);

        Assert.Equal(2, removed);
        Assert.Equal([new DateOnly(2026, 3, 1)], await PostgreSqlStore.MonthsAsync(default));
        Assert.Equal([new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)], (await Store.EventsOfAsync("v", default)).Select(e => e.Timestamp));
        Assert.Equal([new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)], (await Store.TransitionsOfAsync("v", default)).Select(t => t.At));

        // A month dropped can be written again: its partition is created anew.
        await Store.AppendAsync([View("late", new(2026, 2, 10, 0, 0, 0, TimeSpan.Zero))], [], default);
        Assert.Single(await Store.EventsOfAsync("late", default));
    }

    [Fact]
    public async Task An_instance_writes_into_a_month_that_another_instance_dropped_after_it_had_seen_it()
    {
        await using var otherFactory = _database!.NewFactory();
        var other = new PostgreSqlJourneyStore(otherFactory);
        await other.AppendAsync([View("v", new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero))], [], default);

        await Store.RemoveBeforeAsync(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), default);
        await other.AppendAsync([View("late", new(2026, 1, 20, 0, 0, 0, TimeSpan.Zero))], [], default);

        Assert.Equal([new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero)], (await Store.EventsOfAsync("late", default)).Select(e => e.Timestamp));
        Assert.Empty(await Store.EventsOfAsync("v", default));
    }

    [Fact]
    public async Task Instances_starting_a_new_month_together_all_write_their_events()
    {
        // Eight stores, as eight instances would be, each with its own connection pool and its own record of months seen.
        var factories = Enumerable.Range(0, 8).Select(_ => _database!.NewFactory()).ToList();
        try
        {
            var stores = factories.Select(f => new PostgreSqlJourneyStore(f)).ToList();
            await Task.WhenAll(stores.Select((s, i) => s.AppendAsync(
                Enumerable.Range(0, 100).Select(n => View("v" + i, new DateTimeOffset(2026, 5 + (n % 3), 2, 0, 0, 0, TimeSpan.Zero).AddSeconds(n))).ToList(), [], default)));

            Assert.Equal(800, await Store.CountEventsAsync(default));
            Assert.Equal([new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1)], await PostgreSqlStore.MonthsAsync(default));
        }
        finally
        {
            foreach (var factory in factories)
            {
                await factory.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_batch_that_fails_writes_none_of_its_events_or_transitions()
    {
        // A NUL character is refused by PostgreSQL's text type: the second COPY fails, and the first is rolled back with it.
        var exception = await Assert.ThrowsAnyAsync<PostgresException>(() => Store.AppendAsync(
            [View("v", T0)], [new StoredTransition("v", null, "aware\0ness", T0, null, "first event")], default));

        Assert.Equal("22021", exception.SqlState);
        Assert.Equal(0, await Store.CountEventsAsync(default));
        Assert.Empty(await Store.TransitionsOfAsync("v", default));
    }

    private static JourneyEvent View(string visitor, DateTimeOffset at) => new(visitor, at, JourneyEventType.View, "en/a");

    private static StoredTransition Move(string visitor, DateTimeOffset at) => new(visitor, null, "awareness", at, "en/a", "Evidence");
}
