using System.Data.Common;
using Dapper;
using JourneyContent.Delivery;
using JourneyContent.Mail;
using JourneyContent.StoreContracts;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL outbox held to the contract every provider keeps, and its claims across instances.</summary>
public sealed class PostgreSqlOutboxTests : OutboxContract
{
    private readonly List<PostgreSqlConnectionFactory> _factories = [];
    private TempPostgreSqlDatabase? _database;

    protected override async Task<IOutbox> CreateOutboxAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        return await AnotherInstanceAsync();
    }

    protected override async Task DeleteOutboxAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override Task<IOutbox> AnotherInstanceAsync()
    {
        var factory = _database!.NewFactory();
        _factories.Add(factory);
        return Task.FromResult<IOutbox>(new PostgreSqlOutbox(factory, Clock));
    }

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        return await connection.ExecuteScalarAsync(sql);
    }

    protected override bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    [Fact]
    public async Task Four_instances_claiming_together_never_claim_one_message_twice_and_together_claim_them_all()
    {
        for (var i = 0; i < 200; i++)
        {
            await Outbox.EnqueueAsync(MailOutboxMessages.Create(new OutgoingMail($"lead{i}@example.com", null, "s", "t", "<p>h</p>", "en", "download")), default);
        }

        var instances = new List<IOutbox>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(await AnotherInstanceAsync());
        }

        // Each instance claims in small batches until nothing is left, all four at once.
        var claimed = await Task.WhenAll(instances.Select(async outbox =>
        {
            var mine = new List<long>();
            while (await outbox.ClaimDueAsync([OutboxChannels.Mail], Clock.GetUtcNow(), 7, TimeSpan.FromMinutes(5), default) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(e => e.Id));
            }

            return mine;
        }));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }
}
