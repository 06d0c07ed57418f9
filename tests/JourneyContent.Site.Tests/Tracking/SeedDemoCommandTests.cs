using System.Globalization;
using JourneyContent.Testing;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>Runs the real <c>seed-demo</c> command on a temporary data folder and checks what it wrote.</summary>
public sealed class SeedDemoCommandTests : IDisposable
{
    private static readonly string[] StageKeys = ["awareness", "consideration", "decision", "loyalty", "advocacy"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-seed-" + Guid.NewGuid().ToString("N")[..8]);

    public SeedDemoCommandTests() => Directory.CreateDirectory(_folder);

    private string DataPath => Path.Combine(_folder, "data");

    [Fact]
    public async Task Seeding_fills_events_transitions_and_leads_over_the_sites_content_in_the_last_120_days()
    {
        var (exit, log) = await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "300", "--seed", "3");

        Assert.True(exit == 0, log);
        Assert.Contains("300 visitors", log, StringComparison.Ordinal);
        Assert.Contains("Fitted the stage model on the demo history", log, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(DataPath, "models"), "latent-stage-*.json"));
        await using var db = await OpenAsync();
        Assert.True(await CountAsync(db, "SELECT COUNT(*) FROM journey_events") > 1000);
        Assert.Equal(300, await CountAsync(db, "SELECT COUNT(DISTINCT visitor_id) FROM journey_events"));
        Assert.True(await CountAsync(db, "SELECT COUNT(*) FROM stage_transitions") > 300);

        var leads = await CountAsync(db, "SELECT COUNT(*) FROM leads");
        Assert.InRange(leads, 30, 42);
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM leads l WHERE NOT EXISTS (SELECT 1 FROM lead_visitors v WHERE v.lead_id = l.id)"));
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM leads WHERE email NOT GLOB 'demo-*@example.com' OR length(id) <> 32"));
        Assert.Equal(leads, await CountAsync(db, "SELECT COUNT(*) FROM lead_consents"));
        Assert.True(await CountAsync(db, "SELECT COUNT(*) FROM lead_stage_history") > 0);
        Assert.True(await CountAsync(db, "SELECT COUNT(*) FROM lead_downloads") > 0);

        var contentIds = await StringsAsync(db, "SELECT DISTINCT content_id FROM journey_events WHERE content_id IS NOT NULL");
        Assert.Contains("en/pricing", contentIds);
        Assert.Contains(contentIds, id => id.StartsWith("fr/", StringComparison.Ordinal));
        Assert.All(contentIds, id => Assert.True(File.Exists(Path.Combine(RepositoryPaths.DemoContent, id + ".md")), id));
        Assert.All(await StringsAsync(db, "SELECT DISTINCT content_id FROM lead_downloads"), id => Assert.True(File.Exists(Path.Combine(RepositoryPaths.DemoContent, id + ".md")), id));

        Assert.All(await StringsAsync(db, "SELECT DISTINCT stage FROM leads WHERE stage IS NOT NULL"), stage => Assert.Contains(stage, StageKeys));
        Assert.All(await StringsAsync(db, "SELECT DISTINCT to_stage FROM stage_transitions"), stage => Assert.Contains(stage, StageKeys));

        var now = DateTimeOffset.UtcNow;
        var oldest = Parse((await StringsAsync(db, "SELECT MIN(at) FROM journey_events"))[0]);
        var newest = Parse((await StringsAsync(db, "SELECT MAX(at) FROM journey_events"))[0]);
        Assert.InRange(oldest, now.AddDays(-120), now);
        Assert.InRange(newest, now.AddMinutes(-5), now);
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM leads WHERE created_at > last_activity_at"));
    }

    [Fact]
    public async Task The_fit_command_learns_from_the_stored_history_and_writes_the_newest_model_file()
    {
        Assert.Equal(0, (await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "300", "--seed", "4")).Exit);

        var (exit, log) = await SiteProcess.RunAsync(DataPath, "fit");

        Assert.True(exit == 0, log);
        Assert.Contains("visitors (0 on unknown content", log, StringComparison.Ordinal);
        Assert.Contains("Transitions between sessions after a pause up to 1 days", log, StringComparison.Ordinal);
        Assert.Contains("log-likelihood", log, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(DataPath, "models"), "latent-stage-*.json").Length);
    }

    [Fact]
    public async Task The_fit_command_on_an_empty_history_keeps_the_priors_and_writes_nothing()
    {
        var (exit, log) = await SiteProcess.RunAsync(DataPath, "fit");

        Assert.True(exit == 0, log);
        Assert.Contains("Not fitted: too little history", log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(DataPath, "models")));
    }

    [Fact]
    public async Task Seeding_again_adds_to_its_own_demo_data()
    {
        Assert.Equal(0, (await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "100", "--seed", "3")).Exit);
        long before;
        await using (var db = await OpenAsync())
        {
            before = await CountAsync(db, "SELECT COUNT(*) FROM leads");
        }

        var (exit, log) = await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "100", "--seed", "3");

        Assert.True(exit == 0, log);
        await using var after = await OpenAsync();
        Assert.Equal(200, await CountAsync(after, "SELECT COUNT(DISTINCT visitor_id) FROM journey_events"));
        Assert.Equal(2 * before, await CountAsync(after, "SELECT COUNT(*) FROM leads"));
        Assert.Equal(2, await CountAsync(after, "SELECT COUNT(*) FROM demo_seed"));
    }

    [Fact]
    public async Task Seeding_refuses_a_database_with_real_events_unless_forced()
    {
        Assert.Equal(0, (await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "20", "--seed", "3")).Exit);
        await using (var db = await OpenAsync())
        {
            await ExecuteAsync(db, "INSERT INTO journey_events (visitor_id, at, type, content_id) VALUES ('a1b2c3', '2026-01-01T10:00:00.0000000Z', 'view', 'en/pricing')");
        }

        var (exit, log) = await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "20", "--seed", "3");

        Assert.Equal(1, exit);
        Assert.Contains("not demo data", log, StringComparison.Ordinal);
        Assert.Contains("--force", log, StringComparison.Ordinal);
        await using (var db = await OpenAsync())
        {
            Assert.Equal(20, await CountAsync(db, "SELECT COUNT(DISTINCT visitor_id) FROM journey_events WHERE visitor_id GLOB 'demo-*'"));
            Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM demo_seed"));
        }

        // --force first: SiteProcess appends the data path setting, which the host would read as --force's value.
        var (forced, forcedLog) = await SiteProcess.RunAsync(DataPath, "seed-demo", "--force", "--visitors", "20", "--seed", "3");

        Assert.True(forced == 0, forcedLog);
        await using var end = await OpenAsync();
        Assert.Equal(41, await CountAsync(end, "SELECT COUNT(DISTINCT visitor_id) FROM journey_events"));
    }

    [Fact]
    public async Task Seeding_refuses_a_never_seeded_database_that_holds_events_and_leaves_it_unchanged()
    {
        Assert.Equal(0, (await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "5", "--lead-share", "0")).Exit);
        await using (var db = await OpenAsync())
        {
            // A site that tracked visitors before anyone seeded it: no marker row, so every event is real.
            await ExecuteAsync(db, "DROP TABLE demo_seed; DELETE FROM journey_events WHERE id > 1; DELETE FROM stage_transitions;");
        }

        var (exit, log) = await SiteProcess.RunAsync(DataPath, "seed-demo", "--visitors", "5");

        Assert.Equal(1, exit);
        Assert.Contains("--force", log, StringComparison.Ordinal);
        await using var after = await OpenAsync();
        Assert.Equal(1, await CountAsync(after, "SELECT COUNT(*) FROM journey_events"));
        Assert.Equal(0, await CountAsync(after, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'demo_seed'"));
    }

    [Theory]
    [InlineData("seed-demo")]
    [InlineData("seed-demo", "--visitors", "many")]
    [InlineData("seed-demo", "--visitors", "0")]
    [InlineData("seed-demo", "--visitors", "10", "--lead-share", "1.5")]
    [InlineData("seed-demo", "--visitors", "10", "--seed")]
    [InlineData("seed-demo", "--visitors", "10", "--colour", "blue")]
    [InlineData("seed-demo", "--visitors", "10", "--force")]
    public async Task Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        var (exit, log) = await SiteProcess.RunAsync(DataPath, args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", log, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task<SqliteConnection> OpenAsync()
    {
        var path = Directory.GetFiles(DataPath, "*.db", SearchOption.AllDirectories).Single();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> CountAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> StringsAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
