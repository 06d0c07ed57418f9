using JourneyContent.Journeys;
using JourneyContent.StoreContracts;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite journey store held to the contract every provider keeps.</summary>
public sealed class SqliteJourneyStoreTests : JourneyStoreContract
{
    private TempDatabase? _database;

    protected override async Task<IJourneyStore> CreateStoreAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        return new SqliteJourneyStore(_database.Connections);
    }

    protected override Task DeleteStoreAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    protected override async Task InsertRawEventAsync(string visitorId, DateTimeOffset at, string type, string? contentId)
    {
        await using var connection = new SqliteConnection($"Data Source={_database!.DatabasePath}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO journey_events (visitor_id, at, type, content_id) VALUES ($v, $at, $type, $content)";
        insert.Parameters.AddWithValue("$v", visitorId);
        insert.Parameters.AddWithValue("$at", SqliteTime.ToText(at));
        insert.Parameters.AddWithValue("$type", type);
        insert.Parameters.AddWithValue("$content", (object?)contentId ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
    }
}
