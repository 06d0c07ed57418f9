using Dapper;
using JourneyContent.Delivery;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>The outbox of every channel in PostgreSQL (migration 0005), shared by every instance of the site.</summary>
/// <remarks>
/// <para>Statuses are the text <c>pending</c>, <c>sent</c> and <c>failed</c>, as in SQLite; ids come from an identity
/// column, so id order is enqueue order.</para>
/// <para>Instances claim due rows with <c>FOR UPDATE SKIP LOCKED</c> inside one <c>UPDATE … RETURNING</c>: two workers
/// never claim the same row, and neither waits for the other.</para>
/// <para>Only pending rows change status, so a row erased while it was being delivered stays erased.</para>
/// </remarks>
public sealed class PostgreSqlOutbox(PostgreSqlConnectionFactory connections, TimeProvider time) : IOutbox
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
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await InsertAsync(connection, null, message, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Writes <paramref name="message"/> as pending and due at <paramref name="now"/>, inside <paramref name="transaction"/> when given; returns its id.</summary>
    /// <remarks>The one place a message enters the outbox, so the lead store can enqueue within the transaction that stores the lead.</remarks>
    internal static Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO outbox (channel, idempotency_id, topic, payload, lead_id, status, attempts, created_at, next_attempt_at)
            VALUES (@Channel, @IdempotencyId, @Topic, @Payload, @LeadId, 'pending', 0, @Now, @Now)
            RETURNING id
            """,
            new { message.Channel, message.IdempotencyId, message.Topic, message.Payload, message.LeadId, Now = PostgreSqlTime.ToDatabase(now) },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The rows are locked by the claim's own subquery and skipped by any other claim running at the same time. A worker
    /// that crashes leaves its rows leased until the lease ends; they are then due again (at least once).
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

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            UPDATE outbox SET leased_until = @Until
            WHERE id IN (SELECT id FROM outbox
                         WHERE status = 'pending' AND next_attempt_at <= @Now AND (leased_until IS NULL OR leased_until <= @Now)
                           AND channel = ANY(@Channels)
                         ORDER BY next_attempt_at, id LIMIT @Max
                         FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """,
            new { Now = PostgreSqlTime.ToDatabase(now), Until = PostgreSqlTime.ToDatabase(now + lease), Max = max, Channels = channels.ToArray() },
            cancellationToken: cancellationToken));
        // RETURNING gives no order: restore the claim's.
        return [.. rows.Select(r => r.ToEntry()).OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)];
    }

    /// <inheritdoc />
    /// <remarks><c>attempts</c> counts every try, the successful one included, in every channel.</remarks>
    public async Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET status = 'sent', sent_at = @At, last_error = NULL, attempts = attempts + 1, leased_until = NULL WHERE id = @Id AND status = 'pending'",
            new { Id = id, At = PostgreSqlTime.ToDatabase(at) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox
            SET attempts = attempts + 1,
                last_error = @Error,
                status = CASE WHEN @Next::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_at = COALESCE(@Next::timestamptz, next_attempt_at),
                leased_until = NULL
            WHERE id = @Id AND status = 'pending'
            """,
            new { Id = id, Error = error, Next = nextAttemptAt is { } next ? PostgreSqlTime.ToDatabase(next) : (DateTime?)null },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxSummary>> SummaryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Channel, long Pending, long Sent, long Failed, DateTime? Oldest)>(new CommandDefinition(
            """
            SELECT channel, count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'sent'),
                   count(*) FILTER (WHERE status = 'failed'), min(created_at) FILTER (WHERE status = 'pending')
            FROM outbox GROUP BY channel ORDER BY channel
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboxSummary(r.Channel, checked((int)r.Pending), checked((int)r.Sent), checked((int)r.Failed), PostgreSqlTime.FromDatabase(r.Oldest)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(string? channel, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE @Channel::text IS NULL OR channel = @Channel ORDER BY id DESC LIMIT @Limit",
            new { Channel = channel, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc />
    public async Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await EraseLeadAsync(connection, null, leadId, cancellationToken);
    }

    /// <summary>The erasure of <see cref="EraseLeadAsync(string, CancellationToken)"/>, one UPDATE of every channel, inside <paramref name="transaction"/> when given, so the lead store erases a lead and its messages in one commit.</summary>
    internal static Task<int> EraseLeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string leadId, CancellationToken cancellationToken) =>
        // Every SET expression sees the row as it was before the update, so both CASEs read the old status; the WHERE
        // skips rows already erased, so erasing twice reports 0 the second time.
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

    /// <summary>An <c>outbox</c> row, in the types Npgsql reads.</summary>
    private sealed record Row
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string IdempotencyId { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Payload { get; init; } = "";
        public string? LeadId { get; init; }
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime NextAttemptAt { get; init; }
        public DateTime? SentAt { get; init; }
        public string? LastError { get; init; }

        public OutboxEntry ToEntry() => new(
            Id,
            new OutboxMessage(Channel, IdempotencyId, Topic, Payload) { LeadId = LeadId },
            ParseStatus(Status),
            Attempts,
            PostgreSqlTime.FromDatabase(CreatedAt),
            PostgreSqlTime.FromDatabase(NextAttemptAt),
            PostgreSqlTime.FromDatabase(SentAt),
            LastError);
    }
}
