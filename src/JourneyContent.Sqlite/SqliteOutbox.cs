using Dapper;
using JourneyContent.Delivery;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>The outbox of every channel in the <c>outbox</c> table (migration 0009).</summary>
/// <remarks>
/// <para>Statuses are stored as the text <c>pending</c>, <c>sent</c> and <c>failed</c>; timestamps as fixed-width UTC text
/// (<see cref="SqliteTime"/>), so that <c>next_attempt_at &lt;= @Now</c> compares times and the <c>(status, next_attempt_at)</c>
/// index serves the worker's claim. Ids come from <c>AUTOINCREMENT</c>, so id order is enqueue order.</para>
/// <para>Only pending rows change status (<see cref="OutboxStatus"/>), so a row erased while it was being delivered stays erased.</para>
/// </remarks>
public sealed class SqliteOutbox(SqliteConnectionFactory connections, TimeProvider time) : IOutbox
{
    /// <summary>The payload of an erased message: valid JSON with nothing in it.</summary>
    internal const string ErasedPayload = "{}";

    private const string Columns =
        """
        id AS Id, channel AS Channel, idempotency_id AS IdempotencyId, topic AS Topic, payload AS Payload, lead_id AS LeadId,
        status AS Status, attempts AS Attempts, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt, sent_at AS SentAt,
        last_error AS LastError
        """;

    /// <inheritdoc />
    public async Task<long> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await InsertAsync(connection, null, message, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Writes <paramref name="message"/> as pending and due at <paramref name="now"/>, inside <paramref name="transaction"/> when given; returns its id.</summary>
    /// <remarks>The one place a message enters the outbox, so the lead store can enqueue within the transaction that stores the lead.</remarks>
    internal static Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO outbox (channel, idempotency_id, topic, payload, lead_id, status, attempts, created_at, next_attempt_at)
            VALUES (@Channel, @IdempotencyId, @Topic, @Payload, @LeadId, 'pending', 0, @Now, @Now)
            RETURNING id
            """,
            new { message.Channel, message.IdempotencyId, message.Topic, message.Payload, message.LeadId, Now = SqliteTime.ToText(now) },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>UPDATE … RETURNING</c> under the write lock, so two workers (two processes on one file) never claim the same
    /// row. A worker that crashes leaves its rows claimed until the lease ends; they are then due again (at least once).
    /// </remarks>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(IReadOnlyCollection<string> channels, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (channels.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            UPDATE outbox SET leased_until = @Until
            WHERE id IN (SELECT id FROM outbox
                         WHERE status = 'pending' AND next_attempt_at <= @Now AND (leased_until IS NULL OR leased_until <= @Now)
                           AND channel IN @Channels
                         ORDER BY next_attempt_at, id LIMIT @Max)
            RETURNING {Columns}
            """,
            new { Now = SqliteTime.ToText(now), Until = SqliteTime.ToText(now + lease), Max = max, Channels = channels },
            cancellationToken: cancellationToken));
        // RETURNING gives no order: restore the claim's.
        return [.. rows.Select(r => r.ToEntry()).OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)];
    }

    /// <inheritdoc />
    /// <remarks><c>attempts</c> counts every try, the successful one included, in every channel.</remarks>
    public async Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET status = 'sent', sent_at = @At, last_error = NULL, attempts = attempts + 1, leased_until = NULL WHERE id = @Id AND status = 'pending'",
            new { Id = id, At = SqliteTime.ToText(at) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox
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

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxSummary>> SummaryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Channel, long Pending, long Sent, long Failed, string? Oldest)>(new CommandDefinition(
            """
            SELECT channel, SUM(status = 'pending'), SUM(status = 'sent'), SUM(status = 'failed'),
                   MIN(CASE WHEN status = 'pending' THEN created_at END)
            FROM outbox GROUP BY channel ORDER BY channel
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboxSummary(r.Channel, checked((int)r.Pending), checked((int)r.Sent), checked((int)r.Failed), SqliteTime.FromNullableText(r.Oldest)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(string? channel, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE @Channel IS NULL OR channel = @Channel ORDER BY id DESC LIMIT @Limit",
            new { Channel = channel, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc />
    public async Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await EraseLeadAsync(connection, null, leadId, cancellationToken);
    }

    /// <summary>The erasure of <see cref="EraseLeadAsync(string, CancellationToken)"/>, one UPDATE of every channel, inside <paramref name="transaction"/> when given, so the lead store erases a lead and its messages in one commit.</summary>
    internal static Task<int> EraseLeadAsync(SqliteConnection connection, SqliteTransaction? transaction, string leadId, CancellationToken cancellationToken) =>
        // SQLite evaluates every SET expression against the row before the update, so both CASEs see the old status; the
        // WHERE skips rows already erased, so erasing twice reports 0 the second time.
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox
            SET payload = @Erased,
                last_error = CASE WHEN status = 'pending' THEN 'lead erased' ELSE last_error END,
                status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END
            WHERE lead_id = @LeadId AND (payload <> @Erased OR status = 'pending')
            """,
            new { LeadId = leadId, Erased = ErasedPayload },
            transaction,
            cancellationToken: cancellationToken));

    private static OutboxStatus ParseStatus(string status) => status switch
    {
        "pending" => OutboxStatus.Pending,
        "sent" => OutboxStatus.Sent,
        "failed" => OutboxStatus.Failed,
        _ => throw new InvalidOperationException($"The outbox holds the unknown status '{status}'."),
    };

    /// <summary>An <c>outbox</c> row, in the types SQLite stores.</summary>
    private sealed record Row
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string IdempotencyId { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Payload { get; init; } = "";
        public string? LeadId { get; init; }
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public string CreatedAt { get; init; } = "";
        public string NextAttemptAt { get; init; } = "";
        public string? SentAt { get; init; }
        public string? LastError { get; init; }

        public OutboxEntry ToEntry() => new(
            Id,
            new OutboxMessage(Channel, IdempotencyId, Topic, Payload) { LeadId = LeadId },
            ParseStatus(Status),
            checked((int)Attempts),
            SqliteTime.FromText(CreatedAt),
            SqliteTime.FromText(NextAttemptAt),
            SqliteTime.FromNullableText(SentAt),
            LastError);
    }
}
