using JourneyContent.Sqlite;
using Microsoft.Extensions.Options;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Opening_creates_the_folder_and_the_database_file()
    {
        Assert.False(File.Exists(_database.DatabasePath));

        await using (await _database.Connections.OpenAsync(default))
        {
        }

        Assert.True(File.Exists(_database.DatabasePath));
        Assert.Equal(_database.DatabasePath, _database.Connections.DatabasePath);
    }

    [Fact]
    public async Task The_database_file_is_in_WAL_mode_for_every_client()
    {
        await using (await _database.Connections.OpenAsync(default))
        {
        }

        // A plain connection sees WAL too: the mode is stored in the file, not in the factory's connections.
        Assert.Equal("wal", _database.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Every_connection_waits_when_busy_checks_foreign_keys_and_syncs_normally()
    {
        // The second and third opens reuse pooled connections, which must keep the settings.
        for (var open = 0; open < 3; open++)
        {
            await using var connection = await _database.Connections.OpenAsync(default);
            Assert.Equal(5000L, Pragma(connection, "busy_timeout"));
            Assert.Equal(1L, Pragma(connection, "foreign_keys"));
            Assert.Equal(1L, Pragma(connection, "synchronous")); // 1 = NORMAL
        }
    }

    [Fact]
    public void A_missing_database_path_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions())));

        Assert.Contains("DatabasePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_open_throws_and_creates_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _database.Connections.OpenAsync(new CancellationToken(canceled: true)));

        Assert.False(File.Exists(_database.DatabasePath));
    }

    private static object? Pragma(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return command.ExecuteScalar();
    }
}
