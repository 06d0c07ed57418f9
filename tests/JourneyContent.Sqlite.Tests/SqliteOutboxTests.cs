using System.Data.Common;
using JourneyContent.Delivery;
using JourneyContent.StoreContracts;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite.Tests;

/// <summary>The SQLite outbox held to the contract every provider keeps.</summary>
public sealed class SqliteOutboxTests : OutboxContract
{
    private TempDatabase? _database;

    protected override async Task<IOutbox> CreateOutboxAsync()
    {
        _database = await TempDatabase.MigratedAsync();
        return new SqliteOutbox(_database.Connections, Clock);
    }

    protected override Task DeleteOutboxAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<IOutbox> AnotherInstanceAsync() => Task.FromResult<IOutbox>(new SqliteOutbox(_database!.NewFactory(), Clock));

    protected override Task<object?> ScalarAsync(string sql) => Task.FromResult(_database!.Scalar(sql));

    // SQLITE_CONSTRAINT, as a UNIQUE index reports it.
    protected override bool IsUniqueViolation(DbException error) => error is SqliteException { SqliteErrorCode: 19 };
}
