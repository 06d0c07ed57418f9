namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteStoreHealthTests
{
    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        using var database = await TempDatabase.MigratedAsync();

        var health = await new SqliteStoreHealth(database.Migrator).CheckAsync(default);

        Assert.True(health.IsReady);
        Assert.Equal(0, health.PendingMigrations);
        Assert.Null(health.Problem);
    }

    [Fact]
    public async Task A_database_not_migrated_answers_but_is_not_ready_and_counts_every_migration()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.DatabasePath)!);

        var health = await new SqliteStoreHealth(database.Migrator).CheckAsync(default);

        Assert.True(health.Reachable);
        Assert.False(health.IsReady);
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Count, health.PendingMigrations);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_unreachable_and_the_check_does_not_throw()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.DatabasePath)!);
        await File.WriteAllBytesAsync(database.DatabasePath, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        var health = await new SqliteStoreHealth(database.Migrator).CheckAsync(default);

        Assert.False(health.Reachable);
        Assert.False(health.IsReady);
        Assert.False(string.IsNullOrEmpty(health.Problem));
    }

    [Fact]
    public async Task Migrating_a_file_that_is_not_a_database_fails_with_the_file_and_the_settings_to_check()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.DatabasePath)!);
        await File.WriteAllBytesAsync(database.DatabasePath, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        var error = await Assert.ThrowsAsync<JourneyContent.Health.StoreUnavailableException>(() => database.Migrator.MigrateAsync());

        Assert.Contains(database.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("file is not a database", error.Message, StringComparison.Ordinal);
        Assert.Contains("JourneyContent:DataPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("JourneyContent:Storage:Sqlite:DatabasePath", error.Message, StringComparison.Ordinal);
    }
}
