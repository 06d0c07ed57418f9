using JourneyContent.Health;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>Opens connections to the configured PostgreSQL database through one pooled data source.</summary>
/// <remarks>A connection that cannot be opened becomes a <see cref="StoreUnavailableException"/> naming host, port and
/// database and the setting to check: the provider's own message can quote the connection string, so it is not kept.</remarks>
public sealed class PostgreSqlConnectionFactory : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _dataSource;
    private readonly string _where;
    private readonly string? _unusable;

    /// <summary>Creates the factory from the options; an empty or unreadable connection string fails on the first open, naming the setting.</summary>
    public PostgreSqlConnectionFactory(IOptions<PostgreSqlStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.Value.ConnectionString;
        _where = Describe(connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _unusable = $"No PostgreSQL connection string: set {PostgreSqlStoreOptions.SectionName}:ConnectionString (or ConnectionStrings:JourneyContent).";
            return;
        }

        try
        {
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException)
        {
            // Npgsql's message can quote the offending value, which may be the password: it is not kept.
            _unusable = $"The PostgreSQL connection string cannot be read (a keyword or value Npgsql does not accept): check {PostgreSqlStoreOptions.SectionName}:ConnectionString.";
        }
    }

    /// <summary>Opens a connection.</summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached or refuses the login.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is null)
        {
            throw new StoreUnavailableException(_unusable ?? "No PostgreSQL connection string.");
        }

        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var reason = e is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : e.GetType().Name;
            throw new StoreUnavailableException($"The {_where} cannot be reached ({reason}). Check {PostgreSqlStoreOptions.SectionName}:ConnectionString and that the server accepts connections.", e);
        }
    }

    /// <summary>Where the store is, for messages: host, port and database, never the password.</summary>
    internal static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL database (the connection string cannot be read)";
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
