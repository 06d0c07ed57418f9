using System.Security.Cryptography;
using System.Text;
using Dapper;
using JourneyContent.Scheduling;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>
/// Leases of scheduled work across every instance on the database: a session advisory lock per work, held on a
/// connection of its own for the pass. An instance that dies mid-pass loses its session, and the lock with it.
/// </summary>
public sealed class PostgreSqlExclusiveWork(PostgreSqlConnectionFactory connections) : IExclusiveWork
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(work);
        var key = KeyOf(work);
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@Key)", new { Key = key }, cancellationToken: cancellationToken)))
            {
                return new Lease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The advisory lock key of a work: the first eight bytes of the SHA-256 of "JourneyContent work: " and its name, stable across versions.</summary>
    internal static long KeyOf(string work) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("JourneyContent work: " + work)), 0);

    private sealed class Lease(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Pooled connections keep their session: the lock must be given back before the connection is.
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = key });
            }
            catch (NpgsqlException)
            {
                // The session is gone, and with it the lock.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
