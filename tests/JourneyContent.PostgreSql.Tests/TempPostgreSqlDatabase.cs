using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>
/// A database of its own on the throwaway PostgreSQL 15 cluster that <c>./test.sh</c> starts on a loopback port
/// (its superuser connection string is in <c>JOURNEYCONTENT_TEST_POSTGRES</c>); dropped after the test.
/// </summary>
internal sealed class TempPostgreSqlDatabase : IAsyncDisposable
{
    public const string Variable = "JOURNEYCONTENT_TEST_POSTGRES";

    private readonly string _admin;
    private readonly List<PostgreSqlConnectionFactory> _owned = [];

    private TempPostgreSqlDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static async Task<TempPostgreSqlDatabase> CreateAsync()
    {
        // Never skipped: without the cluster these tests fail and say how to run them.
        var admin = Environment.GetEnvironmentVariable(Variable);
        Assert.False(string.IsNullOrEmpty(admin), $"{Variable} is not set: run these tests with ./test.sh, which starts a throwaway PostgreSQL 15 cluster.");
        var database = new TempPostgreSqlDatabase(admin!, "jc_test_" + Guid.NewGuid().ToString("N")[..12]);
        await using var connection = new NpgsqlConnection(admin);
        await connection.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public PostgreSqlConnectionFactory NewFactory() => new(Options.Create(new PostgreSqlStoreOptions { ConnectionString = ConnectionString }));

    /// <summary>A new factory, with a pool of its own as another instance would have, disposed with the database.</summary>
    public PostgreSqlConnectionFactory OwnedFactory()
    {
        var factory = NewFactory();
        _owned.Add(factory);
        return factory;
    }

    public PostgreSqlMigrator NewMigrator() => new(NewFactory(), Clock, NullLogger<PostgreSqlMigrator>.Instance);

    /// <summary>A database of its own, migrated with the embedded scripts.</summary>
    public static async Task<TempPostgreSqlDatabase> MigratedAsync()
    {
        var database = await CreateAsync();
        await database.NewMigrator().MigrateAsync();
        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("No value.");
    }

    /// <summary>
    /// Closes the database to every connection, as a server that went away would (open sessions are ended and the pools
    /// emptied), or opens it again.
    /// </summary>
    public async Task AllowConnectionsAsync(bool allow)
    {
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.ExecuteAsync($"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS {(allow ? "true" : "false")}");
            if (!allow)
            {
                await connection.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @Name", new { Name });
            }
        }

        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _owned)
        {
            await factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
