using JourneyContent.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.PostgreSql.Tests;

/// <summary>The PostgreSQL migrator on a real PostgreSQL 15 server.</summary>
public sealed class PostgreSqlMigratorTests
{
    [Fact]
    public async Task Migrating_a_new_database_creates_the_tables_and_records_every_version_once_even_when_run_again()
    {
        await using var database = await TempPostgreSqlDatabase.CreateAsync();

        await database.NewMigrator().MigrateAsync();
        await database.NewMigrator().MigrateAsync();

        Assert.Equal(PostgreSqlMigrator.EmbeddedScripts().Select(s => s.Version), await database.NewMigrator().AppliedVersionsAsync());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'editor_accounts'"));
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, await database.ScalarAsync<DateTime>("SELECT applied_at FROM schema_migrations WHERE version = 1"));
    }

    [Fact]
    public async Task Four_instances_starting_at_once_apply_each_migration_once_and_none_fails()
    {
        await using var database = await TempPostgreSqlDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.NewMigrator().MigrateAsync())));

        Assert.Equal(PostgreSqlMigrator.EmbeddedScripts().Count, await database.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_named_and_not_recorded()
    {
        await using var database = await TempPostgreSqlDatabase.CreateAsync();
        var migrator = database.NewMigrator();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(
            [(1, "0001_good", "CREATE TABLE good (id int)"), (2, "0002_broken", "CREATE TABLE half (id int); SELECT no_such_function()")], default));

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], await migrator.AppliedVersionsAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half'"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_named_by_host_port_and_database_with_the_setting_and_never_the_password()
    {
        const string password = "s3cret-never-logged";
        var migrator = new PostgreSqlMigrator(
            new PostgreSqlConnectionFactory(Options.Create(new PostgreSqlStoreOptions { ConnectionString = $"Host=127.0.0.1;Port=1;Database=journey;Username=app;Password={password};Timeout=2" })),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), NullLogger<PostgreSqlMigrator>.Instance);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => migrator.MigrateAsync());

        Assert.Contains("PostgreSQL database 'journey' on 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("JourneyContent:Storage:PostgreSql:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_connection_string_names_the_setting()
    {
        var migrator = new PostgreSqlMigrator(new PostgreSqlConnectionFactory(Options.Create(new PostgreSqlStoreOptions())), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), NullLogger<PostgreSqlMigrator>.Instance);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => migrator.MigrateAsync());

        Assert.Equal("No PostgreSQL connection string: set JourneyContent:Storage:PostgreSql:ConnectionString (or ConnectionStrings:JourneyContent).", error.Message);
    }
}
