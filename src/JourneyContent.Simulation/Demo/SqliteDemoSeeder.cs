using System.Globalization;
using JourneyContent.Journeys;
using JourneyContent.Sqlite;
using JourneyContent.Tracking;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Simulation;

/// <summary>What the database holds before a demo seeding, to decide whether seeding is safe.</summary>
/// <param name="DemoSeedings">Earlier demo seedings recorded in <c>demo_seed</c>.</param>
/// <param name="Events">All stored events.</param>
/// <param name="RealEvents">Events that are not demo data: all of them when nothing was ever seeded.</param>
/// <param name="RealLeads">Leads that are not demo data: all of them when nothing was ever seeded.</param>
public sealed record DemoSeedInspection(long DemoSeedings, long Events, long RealEvents, long RealLeads)
{
    /// <summary>True when the database holds data that did not come from a demo seeding.</summary>
    public bool HoldsRealData => RealEvents > 0 || RealLeads > 0;
}

/// <summary>A gated item a demo lead asked for.</summary>
/// <param name="ContentId">The content's id.</param>
/// <param name="At">When the form was submitted (and the file downloaded).</param>
public sealed record DemoDownload(string ContentId, DateTimeOffset At);

/// <summary>A fake but plausible lead of demo data, with one visitor.</summary>
/// <param name="Id">A random 128-bit hex id.</param>
/// <param name="Email">A clearly fake address, <c>demo-n@example.com</c>.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Company">The company.</param>
/// <param name="Language">The language of the content the visitor read most.</param>
/// <param name="Stage">The visitor's final inferred stage, or null.</param>
/// <param name="UtmSource">Where the lead came from, or null (direct).</param>
/// <param name="LandingPage">The URL of the first page the visitor read, or null.</param>
/// <param name="CreatedAt">When the lead was created: their first form or download, or one of their reads.</param>
/// <param name="LastActivityAt">The visitor's last event.</param>
/// <param name="VisitorId">The visitor merged into the lead.</param>
/// <param name="ConsentContentId">The content whose form carried the consent, or null.</param>
/// <param name="Downloads">The gated items the lead asked for.</param>
/// <param name="History">The visitor's stage transitions, copied to the lead's stage history.</param>
public sealed record DemoLead(
    string Id,
    string Email,
    string FirstName,
    string LastName,
    string Company,
    string Language,
    string? Stage,
    string? UtmSource,
    string? LandingPage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    string VisitorId,
    string? ConsentContentId,
    IReadOnlyList<DemoDownload> Downloads,
    IReadOnlyList<StoredTransition> History);

/// <summary>Everything one demo seeding writes.</summary>
/// <param name="Visitors">How many visitors were generated.</param>
/// <param name="Events">The events, in time order.</param>
/// <param name="Transitions">The stage transitions.</param>
/// <param name="Leads">The leads.</param>
public sealed record DemoDataset(int Visitors, IReadOnlyList<JourneyEvent> Events, IReadOnlyList<StoredTransition> Transitions, IReadOnlyList<DemoLead> Leads);

/// <summary>How many rows a demo seeding wrote.</summary>
/// <param name="Events">Rows of <c>journey_events</c>.</param>
/// <param name="Transitions">Rows of <c>stage_transitions</c>.</param>
/// <param name="Leads">Rows of <c>leads</c>.</param>
/// <param name="Rows">All rows, in every table.</param>
public sealed record DemoSeedCounts(long Events, long Transitions, long Leads, long Rows);

/// <summary>Writes demo journeys and leads in bulk, and tells demo data from real data, for the <c>seed-demo</c> command.</summary>
/// <remarks>
/// <para>Demo data is recognised two ways: each seeding is recorded in the <c>demo_seed</c> table (demo-only, created
/// here rather than by a migration so that sites never seeded do not carry it), and demo visitor ids start with
/// <see cref="VisitorPrefix"/> and demo emails are <c>demo-n@example.com</c>. Without a <c>demo_seed</c> row every
/// event and lead is taken as real; with one, the ids tell which rows the site tracked since.</para>
/// <para>Rows are written with prepared commands re-bound per row and committed every <see cref="RowsPerTransaction"/>
/// rows: one transaction per row would be limited by the log's syncs, one transaction for everything would hold the
/// write lock (and grow the WAL) for the whole run.</para>
/// </remarks>
public sealed class SqliteDemoSeeder(SqliteConnectionFactory connections)
{
    /// <summary>The start of every demo visitor id.</summary>
    public const string VisitorPrefix = "demo-";

    /// <summary>Rows written between two commits.</summary>
    public const int RowsPerTransaction = 50_000;

    private const string DemoEmailPattern = "demo-*@example.com";

    /// <summary>Counts the demo seedings, the events, and the events and leads that are not demo data.</summary>
    /// <remarks>Reads only, so that a refused seeding leaves the database exactly as it was.</remarks>
    public async Task<DemoSeedInspection> InspectAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var hasMarker = await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'demo_seed'", cancellationToken) > 0;
        var seedings = hasMarker ? await ScalarAsync(connection, "SELECT COUNT(*) FROM demo_seed", cancellationToken) : 0;
        var events = await ScalarAsync(connection, "SELECT COUNT(*) FROM journey_events", cancellationToken);
        if (seedings == 0)
        {
            return new DemoSeedInspection(0, events, events, await ScalarAsync(connection, "SELECT COUNT(*) FROM leads", cancellationToken));
        }

        var realEvents = await ScalarAsync(connection, $"SELECT COUNT(*) FROM journey_events WHERE visitor_id NOT GLOB '{VisitorPrefix}*'", cancellationToken);
        var realLeads = await ScalarAsync(connection, $"SELECT COUNT(*) FROM leads WHERE email IS NULL OR email NOT GLOB '{DemoEmailPattern}'", cancellationToken);
        return new DemoSeedInspection(seedings, events, realEvents, realLeads);
    }

    /// <summary>The number the next demo email should start from, so that a second seeding's addresses stay unique.</summary>
    public async Task<int> NextDemoEmailNumberAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await ScalarAsync(connection, $"SELECT COUNT(*) FROM leads WHERE email GLOB '{DemoEmailPattern}'", cancellationToken) + 1;
    }

    /// <summary>Writes <paramref name="data"/> after the existing rows and records the seeding in <c>demo_seed</c>.</summary>
    /// <param name="data">The events (in time order), transitions and leads.</param>
    /// <param name="seededAt">When the seeding happened.</param>
    /// <param name="cancellationToken">Stops between two rows; the rows committed so far stay, marked as demo data.</param>
    public async Task<DemoSeedCounts> WriteAsync(DemoDataset data, DateTimeOffset seededAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await using (var settings = connection.CreateCommand())
        {
            // For this connection only: a larger page cache, because the visitor and time indexes take inserts in random
            // order; and no checkpoint after each commit, which would copy most of those index pages back every 50,000
            // rows. The log is checkpointed once at the end.
            settings.CommandText = "PRAGMA cache_size=-262144; PRAGMA wal_autocheckpoint=0;";
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        using var batch = new Batch(connection);

        // The marker goes into the first transaction: if the run stops half-way, what was committed is still known as
        // demo data and a new run is not refused as if it were real.
        batch.Execute("CREATE TABLE IF NOT EXISTS demo_seed (seeded_at TEXT NOT NULL, visitors INTEGER NOT NULL)");
        var marker = batch.Prepare("INSERT INTO demo_seed (seeded_at, visitors) VALUES ($p0, $p1)", 2);
        batch.Run(marker, SqliteTime.ToText(seededAt), data.Visitors.ToString(CultureInfo.InvariantCulture));

        var events = batch.PrepareBulk("journey_events", ["visitor_id", "at", "type", "content_id", "declared_stage"]);
        foreach (var e in data.Events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(e.VisitorId, SqliteTime.ToText(e.Timestamp), e.Type.Key(), e.Content, e.DeclaredStage);
        }

        events.Flush();
        var transitions = batch.PrepareBulk("stage_transitions", ["visitor_id", "at", "from_stage", "to_stage", "content_id", "reason"]);
        foreach (var t in data.Transitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            transitions.Add(t.VisitorId, SqliteTime.ToText(t.At), t.FromStage, t.ToStage, t.ContentId, t.Reason);
        }

        transitions.Flush();

        var leads = batch.Prepare("""
            INSERT INTO leads (id, email, first_name, last_name, company, language, stage, email_confirmed_at, utm_source, utm_medium,
                landing_page, created_at, updated_at, last_activity_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)
            """, 14);
        var visitors = batch.Prepare("INSERT INTO lead_visitors (lead_id, visitor_id, merged_at) VALUES ($p0, $p1, $p2)", 3);
        var downloads = batch.Prepare("INSERT INTO lead_downloads (lead_id, content_id, requested_at, downloaded_at, downloads) VALUES ($p0, $p1, $p2, $p2, 1)", 3);
        var consents = batch.Prepare("INSERT INTO lead_consents (lead_id, text, version, given_at, ip_hash, content_id) VALUES ($p0, $p1, $p2, $p3, NULL, $p4)", 5);
        var history = batch.Prepare("INSERT INTO lead_stage_history (lead_id, from_stage, to_stage, at, reason) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        foreach (var lead in data.Leads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var created = SqliteTime.ToText(lead.CreatedAt);
            var last = SqliteTime.ToText(lead.LastActivityAt);
            batch.Run(leads, lead.Id, lead.Email, lead.FirstName, lead.LastName, lead.Company, lead.Language, lead.Stage, created,
                lead.UtmSource, MediumOf(lead.UtmSource), lead.LandingPage, created, last, last);
            batch.Run(visitors, lead.Id, lead.VisitorId, created);
            batch.Run(consents, lead.Id, "Demo data: I agree to be contacted about this content.", "demo", created, lead.ConsentContentId);
            foreach (var download in lead.Downloads)
            {
                batch.Run(downloads, lead.Id, download.ContentId, SqliteTime.ToText(download.At));
            }

            foreach (var change in lead.History)
            {
                batch.Run(history, lead.Id, change.FromStage, change.ToStage, SqliteTime.ToText(change.At), change.Reason);
            }
        }

        batch.Commit();
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint=1000;";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        return new DemoSeedCounts(data.Events.Count, data.Transitions.Count, data.Leads.Count, batch.Rows);
    }

    private static string? MediumOf(string? source) => source switch
    {
        "newsletter" => "email",
        "linkedin" => "social",
        "google" => "cpc",
        "partner" => "referral",
        _ => null,
    };

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Prepared commands sharing a transaction that is committed and renewed every <see cref="RowsPerTransaction"/> rows.</summary>
    /// <remarks>Synchronous on purpose: Microsoft.Data.Sqlite's async calls run synchronously anyway, and a task per row
    /// costs a noticeable share of a row's few microseconds.</remarks>
    private sealed class Batch : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly List<SqliteCommand> _commands = [];
        private SqliteTransaction _transaction;
        private int _rowsInTransaction;

        public Batch(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction(deferred: false);
        }

        public long Rows { get; private set; }

        public void Execute(string sql)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public SqliteCommand Prepare(string sql, int parameters)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), SqliteType.Text);
            }

            command.Prepare();
            _commands.Add(command);
            return command;
        }

        /// <summary>A multi-row INSERT into <paramref name="table"/>, for the large tables.</summary>
        public Bulk PrepareBulk(string table, string[] columns)
        {
            string Statement(int rows) => $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES " + string.Join(", ",
                Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"$p{(r * columns.Length) + c}"))) + ")"));
            return new Bulk(this, Prepare(Statement(Bulk.RowsPerStatement), Bulk.RowsPerStatement * columns.Length), Prepare(Statement(1), columns.Length), columns.Length);
        }

        public void Run(SqliteCommand command, params ReadOnlySpan<string?> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = (object?)values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            Counted(1);
        }

        /// <summary>Counts rows written and commits once a transaction holds <see cref="RowsPerTransaction"/> of them.</summary>
        public void Counted(int rows)
        {
            Rows += rows;
            _rowsInTransaction += rows;
            if (_rowsInTransaction >= RowsPerTransaction)
            {
                _transaction.Commit();
                _transaction.Dispose();
                _transaction = _connection.BeginTransaction(deferred: false);
                foreach (var c in _commands)
                {
                    c.Transaction = _transaction;
                }

                _rowsInTransaction = 0;
            }
        }

        public void Commit() => _transaction.Commit();

        /// <summary>Buffers rows into the parameters of a statement inserting <see cref="RowsPerStatement"/> rows at once.</summary>
        /// <remarks>One statement per row spends most of its time in the per-call work of ADO.NET (a data reader per
        /// execution), not in SQLite; 50 rows a statement make that negligible and divide <see cref="RowsPerTransaction"/> exactly.</remarks>
        public sealed class Bulk(Batch batch, SqliteCommand many, SqliteCommand one, int columns)
        {
            public const int RowsPerStatement = 50;

            private readonly string?[][] _pending = [.. Enumerable.Range(0, RowsPerStatement).Select(_ => new string?[columns])];
            private int _count;

            public void Add(params ReadOnlySpan<string?> values)
            {
                values.CopyTo(_pending[_count]);
                if (++_count == RowsPerStatement)
                {
                    var parameters = many.Parameters;
                    for (var r = 0; r < RowsPerStatement; r++)
                    {
                        for (var c = 0; c < columns; c++)
                        {
                            parameters[(r * columns) + c].Value = (object?)_pending[r][c] ?? DBNull.Value;
                        }
                    }

                    many.ExecuteNonQuery();
                    _count = 0;
                    batch.Counted(RowsPerStatement);
                }
            }

            /// <summary>Writes the rows left over, one statement each.</summary>
            public void Flush()
            {
                for (var r = 0; r < _count; r++)
                {
                    batch.Run(one, _pending[r]);
                }

                _count = 0;
            }
        }

        public void Dispose()
        {
            foreach (var command in _commands)
            {
                command.Dispose();
            }

            _transaction.Dispose();
        }
    }
}
