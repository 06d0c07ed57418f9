using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace JourneyContent.Sqlite;

/// <summary>Opens connections to the site's database with the settings every connection needs.</summary>
/// <remarks>
/// WAL lets readers work while one writer writes; a 5 s busy timeout makes concurrent writers wait instead of
/// failing; <c>synchronous=NORMAL</c> is durable in WAL mode except for the last transactions on power loss.
/// </remarks>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private int _walEnabled;

    static SqliteConnectionFactory()
    {
        // Columns are snake_case, properties PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>Creates the factory and the database's folder.</summary>
    public SqliteConnectionFactory(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.DatabasePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("SqliteStoreOptions.DatabasePath is not set.");
        }

        DatabasePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>An open connection.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        // journal_mode is a property of the database file, set once; the others belong to each connection.
        pragmas.CommandText = (Interlocked.Exchange(ref _walEnabled, 1) == 0 ? "PRAGMA journal_mode=WAL;" : string.Empty)
            + "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
