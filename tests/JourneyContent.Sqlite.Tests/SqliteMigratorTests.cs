using JourneyContent.Sqlite;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite.Tests;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static IReadOnlyList<MigrationScript> Embedded => SqliteMigrator.EmbeddedScripts();

    private static MigrationScript[] EmbeddedPlus(params MigrationScript[] more) => [.. Embedded, .. more];

    [Fact]
    public async Task Migrating_a_new_database_creates_the_tables_and_records_every_version()
    {
        await _database.Migrator.MigrateAsync();

        Assert.Equal(["editor_accounts", "journey_events", "lead_consents", "lead_downloads", "lead_notes", "lead_stage_history", "lead_visitors", "leads", "outbox", "privacy_audit", "schema_migrations", "stage_audit", "stage_locks", "stage_transitions"], Tables());
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => s.Version), await _database.Migrator.AppliedVersionsAsync());
        Assert.Equal(
            SqliteMigrator.EmbeddedScripts().Select(s => ((long)s.Version, Path.GetFileNameWithoutExtension(s.FileName), "2026-03-02T09:00:00.0000000Z")),
            MigrationRows());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], SqliteMigrator.EmbeddedScripts().Select(s => s.Version));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_records_each_version_once()
    {
        await _database.Migrator.MigrateAsync();
        _database.Clock.Advance(TimeSpan.FromDays(1));

        await _database.Migrator.MigrateAsync();
        await _database.NewMigrator(_database.NewFactory()).MigrateAsync();

        var rows = MigrationRows();
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => (long)s.Version), rows.Select(r => r.Version));
        Assert.All(rows, r => Assert.Equal("2026-03-02T09:00:00.0000000Z", r.AppliedAt));
    }

    [Fact]
    public async Task A_new_database_has_no_applied_versions()
    {
        Assert.Empty(await _database.Migrator.AppliedVersionsAsync());
    }

    [Fact]
    public async Task A_later_script_is_applied_to_a_database_that_has_the_earlier_ones()
    {
        await _database.Migrator.MigrateAsync();

        await _database.Migrator.MigrateAsync(EmbeddedPlus(new MigrationScript("9001_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);")), default);

        Assert.Contains("notes", Tables());
        Assert.Equal([.. SqliteMigrator.EmbeddedScripts().Select(s => s.Version), 9001], await _database.Migrator.AppliedVersionsAsync());
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_whole_and_named_in_the_error()
    {
        await _database.Migrator.MigrateAsync();
        var broken = new MigrationScript(
            "9001_broken_notes",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Migrator.MigrateAsync(EmbeddedPlus(broken), default));

        Assert.Contains("Migrations/9001_broken_notes.sql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);
        Assert.DoesNotContain("notes", Tables()); // the script's first statement was undone too
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => s.Version), await _database.Migrator.AppliedVersionsAsync());
    }

    [Fact]
    public async Task Scripts_before_a_failing_one_stay_applied_and_the_fixed_script_applies_later()
    {
        var broken = new MigrationScript("9001_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY); SELECT * FROM nowhere;");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Migrator.MigrateAsync(EmbeddedPlus(broken), default));
        Assert.Equal(SqliteMigrator.EmbeddedScripts().Select(s => s.Version), await _database.Migrator.AppliedVersionsAsync());

        await _database.Migrator.MigrateAsync(EmbeddedPlus(new MigrationScript("9001_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY);")), default);
        Assert.Equal([.. SqliteMigrator.EmbeddedScripts().Select(s => s.Version), 9001], await _database.Migrator.AppliedVersionsAsync());
        Assert.Contains("notes", Tables());
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_version_is_refused_clearly()
    {
        await _database.Migrator.MigrateAsync(EmbeddedPlus(new MigrationScript("9001_future_feature", "CREATE TABLE future (id INTEGER);")), default);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Migrator.MigrateAsync());

        Assert.Contains("9001_future_feature", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer version", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_database.DatabasePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_whose_applied_script_has_another_name_in_the_code_is_refused()
    {
        await _database.Migrator.MigrateAsync([new MigrationScript("0001_events", "CREATE TABLE events (id INTEGER);")], default);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _database.Migrator.MigrateAsync([new MigrationScript("0001_leads", "CREATE TABLE leads (id INTEGER);")], default));

        Assert.Contains("0001_events", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0001_leads", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leads", Tables());
    }

    [Fact]
    public async Task Two_scripts_with_one_version_are_refused_before_anything_runs()
    {
        MigrationScript[] clash = [new("0001_events", "CREATE TABLE events (id INTEGER);"), new("0001_leads", "CREATE TABLE leads (id INTEGER);")];

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Migrator.MigrateAsync(clash, default));

        Assert.Contains("Migrations/0001_events.sql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Migrations/0001_leads.sql", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.DatabasePath));
    }

    [Theory]
    [InlineData("editor_accounts")]
    [InlineData("0000_zero")]
    [InlineData("01-dashes")]
    [InlineData("0003_")]
    [InlineData("v3_events")]
    public void A_script_not_named_like_0001_name_is_refused_with_its_file_name(string name)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new MigrationScript(name, "SELECT 1;"));

        Assert.Contains($"Migrations/{name}.sql", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_scripts_are_numbered_from_one_without_gaps_and_every_sql_file_is_embedded()
    {
        var files = Directory.GetFiles(MigrationsFolder(), "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(Enumerable.Range(1, Embedded.Count), Embedded.Select(s => s.Version));
        Assert.Equal(files, Embedded.Select(s => s.Name));
        Assert.All(Embedded, s => Assert.False(string.IsNullOrWhiteSpace(s.Sql)));
    }

    [Fact]
    public async Task Processes_migrating_at_once_apply_each_script_exactly_once()
    {
        // A slow script widens the window in which the others must wait for the write lock.
        var slow = new MigrationScript(
            "9001_numbers",
            "CREATE TABLE numbers (n INTEGER PRIMARY KEY); " +
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000) INSERT INTO numbers SELECT n FROM c;");
        var migrators = Enumerable.Range(0, 4).Select(_ => _database.NewMigrator(_database.NewFactory())).ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(EmbeddedPlus(slow), default))));

        Assert.Equal([.. SqliteMigrator.EmbeddedScripts().Select(s => (long)s.Version), 9001L], MigrationRows().Select(r => r.Version));
        Assert.Equal(200000L, _database.Scalar("SELECT COUNT(*) FROM numbers"));
    }

    [Fact]
    public async Task The_email_is_unique_whatever_its_case_in_the_schema_itself()
    {
        await _database.Migrator.MigrateAsync();
        using var connection = _database.OpenRaw();
        using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO editor_accounts (id, email, password_hash, created_at, security_stamp) VALUES ('a', 'ada@example.com', 'h', 'now', 's'); " +
            "INSERT INTO editor_accounts (id, email, password_hash, created_at, security_stamp) VALUES ('b', 'ADA@EXAMPLE.COM', 'h', 'now', 's');";

        var ex = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());

        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task Migration_9_moves_every_row_of_both_old_outboxes_into_the_one_outbox_and_drops_them()
    {
        await _database.Migrator.MigrateAsync(Embedded.Where(s => s.Version <= 8), default);
        using (var connection = _database.OpenRaw())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText =
                """
                INSERT INTO mail_outbox (to_address, to_name, subject, text_body, html_body, language, purpose, lead_id, status, attempts,
                                         created_at, next_attempt_at, sent_at, last_error, idempotency_id, leased_until)
                VALUES ('ada@example.com', 'Ada', 'Your guide', 'text', '<p>html</p>', 'fr', 'download', 'lead-1', 'pending', 2,
                        '2026-03-01T08:00:00.0000000Z', '2026-03-01T08:05:00.0000000Z', NULL, 'IOException: refused', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-03-01T08:06:00.0000000Z'),
                       (NULL, NULL, '(erased)', '(erased)', '(erased)', 'en', 'confirm', 'lead-2', 'failed', 0,
                        '2026-03-01T07:00:00.0000000Z', '2026-03-01T07:00:00.0000000Z', NULL, 'recipient erased', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', NULL);
                INSERT INTO webhook_outbox (event, url, body, lead_id, status, attempts, created_at, next_attempt_at, sent_at, last_error, idempotency_id, leased_until)
                VALUES ('lead.captured', 'https://crm.example/hook', '{"email":"ada@example.com","n":1}', 'lead-1', 'sent', 1,
                        '2026-03-01T08:00:01.0000000Z', '2026-03-01T08:00:01.0000000Z', '2026-03-01T08:00:02.0000000Z', NULL, 'msg_cccccccccccccccccccccccccccccccc', NULL);
                """;
            insert.ExecuteNonQuery();
        }

        await _database.Migrator.MigrateAsync();

        var tables = Tables();
        Assert.Contains("outbox", tables);
        Assert.DoesNotContain("mail_outbox", tables);
        Assert.DoesNotContain("webhook_outbox", tables);
        var entries = (await new SqliteOutbox(_database.Connections, _database.Clock).RecentAsync(null, 10, default)).OrderBy(e => e.Id).ToList();
        Assert.Equal(3, entries.Count);
        var (pending, erased, hook) = (entries[0], entries[1], entries[2]);
        Assert.Equal(
            ("mail", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "download", "lead-1", JourneyContent.Delivery.OutboxStatus.Pending, 2, "IOException: refused"),
            (pending.Message.Channel, pending.Message.IdempotencyId, pending.Message.Topic, pending.Message.LeadId, pending.Status, pending.Attempts, pending.LastError));
        Assert.Equal((DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-03-01T08:05:00Z", System.Globalization.CultureInfo.InvariantCulture)), (pending.CreatedAt, pending.NextAttemptAt));
        Assert.Equal(
            new JourneyContent.Mail.OutgoingMail("ada@example.com", "Ada", "Your guide", "text", "<p>html</p>", "fr", "download") { LeadId = "lead-1", IdempotencyId = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
            JourneyContent.Mail.MailOutboxMessages.Read(pending.Message));
        // The lease survives the move: a worker that claimed the row before the upgrade still holds it.
        Assert.Equal("2026-03-01T08:06:00.0000000Z", _database.Scalar("SELECT leased_until FROM outbox WHERE idempotency_id = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"));
        Assert.Equal(("{}", JourneyContent.Delivery.OutboxStatus.Failed, "recipient erased", "confirm"), (erased.Message.Payload, erased.Status, erased.LastError, erased.Message.Topic));
        Assert.Equal(
            ("webhook", "msg_cccccccccccccccccccccccccccccccc", JourneyContent.Delivery.OutboxStatus.Sent, 1, (DateTimeOffset?)DateTimeOffset.Parse("2026-03-01T08:00:02Z", System.Globalization.CultureInfo.InvariantCulture)),
            (hook.Message.Channel, hook.Message.IdempotencyId, hook.Status, hook.Attempts, hook.SentAt));
        Assert.Equal(new JourneyContent.Webhooks.WebhookPayload("lead.captured", "https://crm.example/hook", """{"email":"ada@example.com","n":1}"""), JourneyContent.Webhooks.WebhookPayload.Read(hook.Message));
    }

    private List<string> Tables()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private List<(long Version, string Name, string AppliedAt)> MigrationRows()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static string MigrationsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "JourneyContent.Sqlite", "Migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/JourneyContent.Sqlite/Migrations was not found above " + AppContext.BaseDirectory);
    }
}
