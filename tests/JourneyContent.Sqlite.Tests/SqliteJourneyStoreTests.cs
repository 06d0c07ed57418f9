using JourneyContent.Tracking;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteJourneyStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reading_all_events_streams_them_visitor_by_visitor_oldest_first_without_unknown_types()
    {
        using var database = await TempDatabase.MigratedAsync();
        var store = new SqliteJourneyStore(database.Connections);
        await store.AppendAsync(
        [
            new JourneyEvent("visitor-b", T0, JourneyEventType.View, "en/pricing"),
            new JourneyEvent("visitor-a", T0.AddMinutes(1), JourneyEventType.View, "en/blog"),
            new JourneyEvent("visitor-b", T0.AddMinutes(2), JourneyEventType.DeclaredStage, null, "decision"),
            new JourneyEvent("visitor-a", T0.AddMinutes(3), JourneyEventType.Engaged, "en/blog"),
        ], [], CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO journey_events (visitor_id, at, type, content_id) VALUES ('visitor-a', '2026-03-02T09:05:00.0000000Z', 'hologram_view', 'en/blog')";
            await insert.ExecuteNonQueryAsync();
        }

        var all = new List<JourneyEvent>();
        await foreach (var e in store.ReadAllEventsAsync(CancellationToken.None))
        {
            all.Add(e);
        }

        Assert.Equal(
            [("visitor-a", JourneyEventType.View, "en/blog"), ("visitor-a", JourneyEventType.Engaged, "en/blog"), ("visitor-b", JourneyEventType.View, "en/pricing"), ("visitor-b", JourneyEventType.DeclaredStage, (string?)null)],
            all.Select(e => (e.VisitorId, e.Type, e.Content)));
        Assert.Equal("decision", all[3].DeclaredStage);
        Assert.Equal(T0.AddMinutes(3), all[1].Timestamp);
    }
}
