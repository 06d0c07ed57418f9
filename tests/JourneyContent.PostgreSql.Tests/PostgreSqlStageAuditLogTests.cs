using JourneyContent.Editing;
using JourneyContent.StoreContracts;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL audit log held to the contract every provider keeps.</summary>
public sealed class PostgreSqlStageAuditLogTests : StageAuditLogContract
{
    private TempPostgreSqlDatabase? _database;

    protected override TimeSpan TimeResolution => TimeSpan.FromMicroseconds(1);

    protected override async Task<IStageAuditLog> CreateLogAsync()
    {
        _database = await TempPostgreSqlDatabase.MigratedAsync();
        return NewLogOnAnotherFactory();
    }

    protected override IStageAuditLog NewLogOnAnotherFactory() => new PostgreSqlStageAuditLog(_database!.OwnedFactory());

    protected override async Task DeleteLogAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_settings_are_stored_as_the_same_json_text_as_in_sqlite()
    {
        await Log.AppendAsync(Entry("en/pricing") with
        {
            ToRecommendations = new Tagging.RecommendationTags(["en/a"], false, 0.25),
            ToTopicsAndOffer = new Tagging.TopicAndOfferTags(["perfume"], null),
        }, default);

        Assert.Equal("""{"pinned":["en/a"],"excluded":false,"boost":0.25}""", await _database!.ScalarAsync<string>("SELECT to_recommendations FROM stage_audit"));
        Assert.Equal("""{"topics":["perfume"],"offer":null}""", await _database.ScalarAsync<string>("SELECT to_topics_offer FROM stage_audit"));
        Assert.Equal(0, await _database.ScalarAsync<long>("SELECT count(*) FROM stage_audit WHERE from_recommendations IS NOT NULL OR from_topics_offer IS NOT NULL"));
    }
}
