using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace JourneyContent.Sqlite;

/// <summary>Opens connections to the site's database with the settings every connection needs.</summary>
/// <remarks>
/// <para>WAL lets readers work while one writer writes. It is a property of the database file, so it is switched on once;
/// the other settings belong to each connection and are applied on every open (pooled connections keep them, so this is cheap).</para>
/// <para><c>busy_timeout</c> (<see cref="SqliteStoreOptions.BusyTimeout"/>, 5 s by default) makes a writer wait for another one instead of failing with <c>SQLITE_BUSY</c>;
/// <c>synchronous=NORMAL</c> is safe in WAL mode and loses at most the last transactions on power loss, never integrity;
/// <c>foreign_keys=ON</c> because SQLite leaves foreign keys unchecked by default;
/// <c>secure_delete=ON</c> so that deleted or overwritten rows (an erased lead's address, a sent mail's body) are zeroed
/// in the file instead of lingering in free pages and the WAL where a copy of the file would still show them.</para>
/// <para>Writers that read before they write should begin with <c>BeginTransaction(deferred: false)</c> (<c>BEGIN IMMEDIATE</c>),
/// because a read transaction cannot wait to become a write transaction in WAL mode.</para>
/// </remarks>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _settingsSql;
    private volatile bool _walEnabled;

    /// <summary>Creates the factory and the database's folder.</summary>
    /// <exception cref="InvalidOperationException"><see cref="SqliteStoreOptions.DatabasePath"/> is not set.</exception>
    public SqliteConnectionFactory(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.DatabasePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("SqliteStoreOptions.DatabasePath is not set: give AddJourneyContentSqlite the database file's path.");
        }

        var busy = options.Value.BusyTimeout;
        var command = options.Value.CommandTimeout;
        if (busy < TimeSpan.Zero || busy > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"{SqliteStoreOptions.SectionName}:BusyTimeout is {busy}: give a time between 00:00:00 and 00:10:00.");
        }

        if (command < TimeSpan.FromSeconds(1) || command > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"{SqliteStoreOptions.SectionName}:CommandTimeout is {command}: give a time between 00:00:01 and 00:10:00.");
        }

        _settingsSql = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={(long)busy.TotalMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;");
        DatabasePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(command.TotalSeconds),
        }.ToString();
    }

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>The database file's absolute path.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens a connection; dispose it to return it to the pool.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        PrepareAsync(new SqliteConnection(_connectionString), cancellationToken);

    /// <summary>
    /// Opens a connection for writing, after this process's earlier writers are done; dispose it to let the next one in.
    /// </summary>
    /// <remarks>
    /// SQLite has one writer at a time. Writers of one process queue here, in order, instead of meeting
    /// <c>SQLITE_BUSY</c> and sleeping in SQLite's busy handler, whose growing back-off made the slowest form posts
    /// several times slower than the median under load. Other processes are still handled by <c>busy_timeout</c>.
    /// </remarks>
    public async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await PrepareAsync(new GatedConnection(_connectionString, _writeGate), cancellationToken);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    private async Task<SqliteConnection> PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var settings = connection.CreateCommand())
            {
                // busy_timeout first: switching to WAL needs a moment of exclusive access and must wait like any writer.
                settings.CommandText = _settingsSql;
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_walEnabled)
            {
                await using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                // SQLite answers with the mode in force: a refused switch is tried again on the next open.
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
                _walEnabled = string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection that lets the next writer in when it is disposed.</summary>
    private sealed class GatedConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
    {
        private int _released;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
