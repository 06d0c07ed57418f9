using Dapper;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>Leases of scheduled work shared by instances through advisory locks: one holder, released on dispose or when the holder dies.</summary>
public sealed class PostgreSqlExclusiveWorkTests : IAsyncLifetime
{
    private TempPostgreSqlDatabase _database = null!;
    private PostgreSqlConnectionFactory _first = null!;
    private PostgreSqlConnectionFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TempPostgreSqlDatabase.CreateAsync();
        _first = _database.NewFactory();
        _second = _database.NewFactory();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Of_two_instances_one_holds_a_work_and_the_other_gets_it_once_it_is_given_back()
    {
        var a = new PostgreSqlExclusiveWork(_first);
        var b = new PostgreSqlExclusiveWork(_second);

        var heldByA = await a.TryAcquireAsync("Lead retention", default);
        var refusedToB = await b.TryAcquireAsync("Lead retention", default);
        var otherWorkToB = await b.TryAcquireAsync("The scheduled stage-model fit", default);
        await heldByA!.DisposeAsync();
        var nowB = await b.TryAcquireAsync("Lead retention", default);
        var refusedToA = await a.TryAcquireAsync("Lead retention", default);

        Assert.NotNull(heldByA);
        Assert.Null(refusedToB);
        Assert.NotNull(otherWorkToB);
        Assert.NotNull(nowB);
        Assert.Null(refusedToA);
        await otherWorkToB!.DisposeAsync();
        await nowB!.DisposeAsync();
    }

    [Fact]
    public async Task An_instance_that_dies_holding_a_work_loses_it_with_its_session()
    {
        var a = new PostgreSqlExclusiveWork(_first);
        var b = new PostgreSqlExclusiveWork(_second);
        var heldByA = await a.TryAcquireAsync("Lead retention", default);

        // The holder's backend ends as it would when its process is killed or its network drops.
        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            var key = PostgreSqlExclusiveWork.KeyOf("Lead retention");
            var terminated = await admin.ExecuteScalarAsync<int>(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = @Key",
                new { Key = key });
            Assert.Equal(1, terminated);
        }

        var nowB = await b.TryAcquireAsync("Lead retention", default);

        Assert.NotNull(heldByA);
        Assert.NotNull(nowB);
        await heldByA!.DisposeAsync();
        await nowB!.DisposeAsync();
    }

    [Fact]
    public void The_key_of_a_work_is_fixed_by_its_name()
    {
        Assert.Equal(PostgreSqlExclusiveWork.KeyOf("Lead retention"), PostgreSqlExclusiveWork.KeyOf("Lead retention"));
        Assert.NotEqual(PostgreSqlExclusiveWork.KeyOf("Lead retention"), PostgreSqlExclusiveWork.KeyOf("The scheduled stage-model fit"));
        Assert.NotEqual(PostgreSqlMigrator.LockKey, PostgreSqlExclusiveWork.KeyOf("Lead retention"));
    }
}
