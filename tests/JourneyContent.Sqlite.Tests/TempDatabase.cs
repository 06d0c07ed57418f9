using JourneyContent.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Sqlite.Tests;

/// <summary>A real database file in a folder of its own under the temp directory, deleted after the test.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "jc-sqlite-" + Guid.NewGuid().ToString("N")[..10]);
        // A folder that does not exist yet, as on a site's first run.
        DatabasePath = Path.Combine(Folder, "data", "journeycontent.db");
        Connections = NewFactory();
        Migrator = NewMigrator(Connections);
        Accounts = new SqliteEditorAccountStore(Connections);
        Audit = new SqliteStageAuditLog(Connections);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SqliteConnectionFactory Connections { get; }

    public SqliteMigrator Migrator { get; }

    public SqliteEditorAccountStore Accounts { get; }

    public SqliteStageAuditLog Audit { get; }

    /// <summary>A second factory on the same file, with its own pool, as another process would have.</summary>
    public SqliteConnectionFactory NewFactory() =>
        new(Options.Create(new SqliteStoreOptions { DatabasePath = DatabasePath }));

    public SqliteMigrator NewMigrator(SqliteConnectionFactory connections) =>
        new(connections, Clock, NullLogger<SqliteMigrator>.Instance);

    /// <summary>The database migrated with the embedded scripts.</summary>
    public static async Task<TempDatabase> MigratedAsync()
    {
        var database = new TempDatabase();
        await database.Migrator.MigrateAsync();
        return database;
    }

    /// <summary>A plain connection, without the factory's settings, to observe the file as any client would.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
