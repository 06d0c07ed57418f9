using JourneyContent.Editing;
using JourneyContent.StoreContracts;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite audit log held to the contract every provider keeps, and its waiting for SQLite's one writer.</summary>
public sealed class SqliteStageAuditLogTests : StageAuditLogContract
{
    private TempDatabase? _database;

    private TempDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected override TimeSpan TimeResolution => TimeSpan.FromTicks(1);

    protected override async Task<IStageAuditLog> CreateLogAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        return _database.Audit;
    }

    protected override IStageAuditLog NewLogOnAnotherFactory() => new SqliteStageAuditLog(Database.NewFactory());

    protected override Task DeleteLogAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_writer_waits_for_another_connection_holding_the_write_lock_instead_of_failing()
    {
        using var blocker = Database.OpenRaw();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO stage_audit (item_id, changed_by, changed_at, source) VALUES ('held', 'x', '2026-03-01T00:00:00.0000000Z', 'edit');";
            begin.ExecuteNonQuery();
        }

        // Microsoft.Data.Sqlite runs commands synchronously, so the waiting writer needs a thread of its own.
        var append = Task.Run(() => Log.AppendAsync(Entry("waiting"), default));
        await Task.Delay(300);
        Assert.False(append.IsCompleted);
        using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        }

        await append;
        Assert.Equal(["waiting", "held"], (await Log.ListAsync(null, 10, default)).Select(e => e.ItemId));
    }
}
