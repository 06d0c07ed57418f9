using Dapper;

namespace JourneyContent.Sqlite;

/// <summary>The status machine the mail and webhook outbox tables share: pending → sent, or pending → pending (retry) → failed.</summary>
/// <remarks>Only pending rows change, so a row erased while it was being sent keeps its erased state.</remarks>
internal static class OutboxRows
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <param name="connections">The database.</param>
    /// <param name="table">A constant table name (never input).</param>
    /// <param name="id">The row.</param>
    /// <param name="at">When it was sent.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <remarks><c>attempts</c> counts every try, the successful one included, in both channels.</remarks>
    public static async Task MarkSentAsync(SqliteConnectionFactory connections, string table, long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} SET status = 'sent', sent_at = @At, last_error = NULL, attempts = attempts + 1, leased_until = NULL WHERE id = @Id AND status = 'pending'",
            new { Id = id, At = SqliteTime.ToText(at) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed try: pending again until <paramref name="nextAttemptAt"/>, or failed for good when it is null.</summary>
    public static async Task MarkFailedAsync(SqliteConnectionFactory connections, string table, long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table}
            SET attempts = attempts + 1,
                last_error = @Error,
                status = CASE WHEN @Next IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_at = COALESCE(@Next, next_attempt_at),
                leased_until = NULL
            WHERE id = @Id AND status = 'pending'
            """,
            new { Id = id, Error = error, Next = SqliteTime.ToText(nextAttemptAt) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due rows until <paramref name="now"/> + <paramref name="lease"/> and returns them, the
    /// longest waiting first: pending, due, and not claimed by a lease still running.
    /// </summary>
    /// <remarks>
    /// One <c>UPDATE … RETURNING</c> under the write lock, so two workers (two processes on one file) never claim the same
    /// row. A worker that crashes leaves its rows claimed until the lease ends; they are then due again (at least once).
    /// </remarks>
    /// <param name="connections">The database.</param>
    /// <param name="table">A constant table name (never input).</param>
    /// <param name="columns">The constant column list, with aliases, to return.</param>
    /// <param name="condition">A constant extra condition starting with <c>AND</c>, or empty.</param>
    /// <param name="now">The time of the claim.</param>
    /// <param name="max">The most rows to claim.</param>
    /// <param name="lease">How long the rows stay claimed.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public static async Task<List<TRow>> ClaimAsync<TRow>(SqliteConnectionFactory connections, string table, string columns, string condition, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            $"""
            UPDATE {table} SET leased_until = @Until
            WHERE id IN (SELECT id FROM {table}
                         WHERE status = 'pending' AND next_attempt_at <= @Now AND (leased_until IS NULL OR leased_until <= @Now) {condition}
                         ORDER BY next_attempt_at, id LIMIT @Max)
            RETURNING {columns}
            """,
            new { Now = SqliteTime.ToText(now), Until = SqliteTime.ToText(now + lease), Max = max },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>How many rows are pending, sent and failed, and when the oldest pending one was created.</summary>
    public static async Task<(int Pending, int Sent, int Failed, DateTimeOffset? OldestPendingAt)> CountAsync(SqliteConnectionFactory connections, string table, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Pending, long Sent, long Failed, string? Oldest)>(new CommandDefinition(
            $"""
            SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'sent'), 0), COALESCE(SUM(status = 'failed'), 0),
                   MIN(CASE WHEN status = 'pending' THEN created_at END)
            FROM {table}
            """,
            cancellationToken: cancellationToken));
        return (checked((int)row.Pending), checked((int)row.Sent), checked((int)row.Failed), SqliteTime.FromNullableText(row.Oldest));
    }
}
