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
    /// <param name="countsAsAttempt">True when <c>attempts</c> counts successful tries too (webhooks), false when it counts failures only (mail).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task MarkSentAsync(SqliteConnectionFactory connections, string table, long id, DateTimeOffset at, bool countsAsAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} SET status = 'sent', sent_at = @At, last_error = NULL{(countsAsAttempt ? ", attempts = attempts + 1" : string.Empty)} WHERE id = @Id AND status = 'pending'",
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
                next_attempt_at = COALESCE(@Next, next_attempt_at)
            WHERE id = @Id AND status = 'pending'
            """,
            new { Id = id, Error = error, Next = SqliteTime.ToText(nextAttemptAt) },
            cancellationToken: cancellationToken));
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
