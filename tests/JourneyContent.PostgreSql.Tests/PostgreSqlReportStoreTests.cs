using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Reports;
using JourneyContent.StoreContracts;
using JourneyContent.Tracking;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL report store held to the contract every provider keeps, across month partitions and week edges.</summary>
public sealed class PostgreSqlReportStoreTests : ReportStoreContract
{
    private TempPostgreSqlDatabase? _database;
    private PostgreSqlConnectionFactory? _connections;

    protected override async Task<(IReportStore Reports, IJourneyStore Journeys, ILeadStore Leads)> CreateStoresAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        _connections = _database.NewFactory();
        var journeys = new PostgreSqlJourneyStore(_connections);
        return (new PostgreSqlReportStore(_connections), journeys, new PostgreSqlLeadStore(_connections, journeys));
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
    public async Task Events_in_two_months_are_counted_together_across_their_partitions()
    {
        // 23:00 on 28 February and 01:00 on 1 March (UTC) land in two partitions; a range over both counts both.
        var february = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero);
        await Journeys.AppendAsync(
            [
                new JourneyEvent("w1", february, JourneyEventType.View, "en/split", null),
                new JourneyEvent("w2", february.AddHours(2), JourneyEventType.View, "en/split", null),
            ],
            [new StoredTransition("w1", null, "awareness", february, null, "inferred"), new StoredTransition("w2", null, "awareness", february.AddHours(2), null, "inferred")],
            default);
        var range = new ReportFilter { From = february, To = february.AddHours(3), ContentIds = new HashSet<string> { "en/split" } };

        var influence = await Reports.ContentInfluenceAsync(range, Stages, default);
        var funnel = await Reports.FunnelAsync(range, Stages, default);
        var gated = await Reports.GatedAssetsAsync(range, ["en/split"], default);

        Assert.Equal(2, await _database!.ScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'journey_events'::regclass"));
        Assert.Equal((2, 2), (Assert.Single(influence).Views, influence[0].Readers));
        Assert.Equal(2, funnel.Stages[0].Visitors);
        Assert.Equal(2, Assert.Single(gated).FormViews);
    }

    [Fact]
    public async Task A_lead_of_sunday_23_59_59_utc_counts_in_that_week_and_one_of_monday_midnight_in_the_next_whatever_the_session_time_zone()
    {
        var sunday = new DateTimeOffset(2026, 3, 8, 23, 59, 59, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
        await Leads.CaptureAsync(new LeadCapture { Email = "sunday@example.com", Language = "en", ContentId = "en/a", Stage = "awareness", VisitorId = "ws", At = sunday }, default);
        await Leads.CaptureAsync(new LeadCapture { Email = "monday@example.com", Language = "en", ContentId = "en/a", Stage = "decision", At = monday }, default);
        // The Sunday lead moves on at Monday 00:00: in its own week it is still in awareness.
        await Leads.ApplyVisitorStagesAsync([("ws", "consideration", monday)], default);
        // A session far east of UTC (+14): its local dates are a day ahead, and must move neither a lead to another week
        // nor the range's bounds (a second either side of the two leads).
        var eastOfUtc = new NpgsqlConnectionStringBuilder(_database!.ConnectionString) { Timezone = "Pacific/Kiritimati" }.ToString();
        await using var connections = new PostgreSqlConnectionFactory(Options.Create(new PostgreSqlStoreOptions { ConnectionString = eastOfUtc }));

        var weeks = await new PostgreSqlReportStore(connections).TrendAsync(new ReportFilter { From = sunday, To = monday.AddSeconds(1) }, default);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], weeks.Select(w => w.WeekStart));
        Assert.Equal(new Dictionary<string, int> { ["awareness"] = 1 }, weeks[0].ByStage);
        Assert.Equal(new Dictionary<string, int> { ["decision"] = 1 }, weeks[1].ByStage);
    }
}
