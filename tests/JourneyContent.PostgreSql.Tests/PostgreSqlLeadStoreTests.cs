using Dapper;
using JourneyContent.Delivery;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.StoreContracts;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL lead store held to the contract every provider keeps.</summary>
public sealed class PostgreSqlLeadStoreTests : LeadStoreContract
{
    private TempPostgreSqlDatabase? _database;
    private PostgreSqlConnectionFactory? _connections;

    protected override async Task<(ILeadStore Leads, IJourneyStore Journeys)> CreateStoresAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        _connections = _database.NewFactory();
        var journeys = new PostgreSqlJourneyStore(_connections);
        return (new PostgreSqlLeadStore(_connections, journeys), journeys);
    }

    protected override async Task DeleteStoresAsync()
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

    [Fact]
    public async Task Two_instances_capturing_one_email_at_once_make_one_lead_with_every_visitor()
    {
        await using var other = _database!.NewFactory();
        var stores = new[] { Leads, new PostgreSqlLeadStore(other, new PostgreSqlJourneyStore(other)) };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => stores[i % 2].CaptureAsync(new LeadCapture
        {
            Email = "ada@example.com", Language = "en", ContentId = "en/benchmark", VisitorId = $"v{i}", At = Clock.GetUtcNow(),
        }, default)));

        Assert.Single(results.Select(r => r.Lead.Id).Distinct());
        Assert.Single(results, r => r.IsNew);
        Assert.Equal(16, (await Leads.RecordAsync(results[0].Lead.Id, default))!.Visitors.Count);
    }
}

/// <summary>The PostgreSQL lead store's captures and erasures held to the contract, with the outbox in the same transaction.</summary>
public sealed class PostgreSqlLeadCaptureTransactionTests : LeadCaptureTransactionContract
{
    private TempPostgreSqlDatabase? _database;
    private PostgreSqlConnectionFactory? _connections;

    protected override async Task<(ILeadStore Leads, IOutbox Outbox)> CreateStoresAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        _connections = _database.NewFactory();
        return (new PostgreSqlLeadStore(_connections, new PostgreSqlJourneyStore(_connections)), new PostgreSqlOutbox(_connections, Clock));
    }

    protected override async Task DeleteStoresAsync()
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

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        return await connection.ExecuteScalarAsync(sql);
    }
}
