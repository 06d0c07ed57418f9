using System.Security.Cryptography;
using Dapper;
using JourneyContent.Webhooks;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>The webhook outbox in the <c>webhook_outbox</c> table.</summary>
/// <remarks>
/// <para>Statuses are stored as the text <c>pending</c>, <c>sent</c> and <c>failed</c>; timestamps as <see cref="SqliteTime"/> text,
/// so that comparing <c>next_attempt_at</c> as text compares times and the <c>(status, next_attempt_at)</c> index serves <see cref="DueAsync"/>.</para>
/// <para>Marking only changes pending messages: a lead erased while its message was being posted stays erased.</para>
/// </remarks>
public sealed class SqliteWebhookOutbox(SqliteConnectionFactory connections, TimeProvider time) : IWebhookOutbox
{
    private const string Pending = "pending";
    private const string Sent = "sent";
    private const string Failed = "failed";

    private const string Columns =
        """
        id AS Id, event AS Event, url AS Url, body AS Body, lead_id AS LeadId, status AS Status, attempts AS Attempts,
        created_at AS CreatedAt, next_attempt_at AS NextAttemptAt, sent_at AS SentAt, last_error AS LastError,
        idempotency_id AS IdempotencyId
        """;

    /// <inheritdoc />
    public async Task<long> EnqueueAsync(string eventName, string url, string body, string? leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentNullException.ThrowIfNull(body);
        var now = SqliteTime.ToText(time.GetUtcNow());
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO webhook_outbox (event, url, body, lead_id, status, attempts, created_at, next_attempt_at, idempotency_id)
            VALUES (@Event, @Url, @Body, @LeadId, 'pending', 0, @Now, @Now, @IdempotencyId);
            SELECT last_insert_rowid();
            """,
            new { Event = eventName, Url = url, Body = body, LeadId = leadId, Now = now, IdempotencyId = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM webhook_outbox
            WHERE status = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Max
            """,
            new { Now = SqliteTime.ToText(now), Max = max },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMessage())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var rows = await OutboxRows.ClaimAsync<Row>(connections, "webhook_outbox", Columns, string.Empty, now, max, lease, cancellationToken);
        return [.. rows.Select(r => r.ToMessage()).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)];
    }

    /// <inheritdoc />
    public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        OutboxRows.MarkSentAsync(connections, "webhook_outbox", id, at, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        OutboxRows.MarkFailedAsync(connections, "webhook_outbox", id, error, nextAttemptAt, cancellationToken);

    /// <inheritdoc />
    public async Task<WebhookSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var (pending, sent, failed, _) = await OutboxRows.CountAsync(connections, "webhook_outbox", cancellationToken);
        return new WebhookSummary(pending, sent, failed);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookMessage>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // AUTOINCREMENT ids are never reused, so id order is the order messages were queued.
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM webhook_outbox ORDER BY id DESC LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMessage())];
    }

    /// <inheritdoc />
    public async Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await EraseLeadAsync(connection, null, leadId, cancellationToken);
    }

    /// <summary>The erasure of <see cref="EraseLeadAsync(string, CancellationToken)"/>, inside <paramref name="transaction"/> when given, so the lead store erases a lead and its messages in one commit.</summary>
    internal static Task<int> EraseLeadAsync(SqliteConnection connection, SqliteTransaction? transaction, string leadId, CancellationToken cancellationToken) =>
        // SQLite evaluates every SET expression against the row before the update, so both CASEs see the old status.
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE webhook_outbox
            SET body = '{}',
                last_error = CASE WHEN status = 'pending' THEN 'lead erased' ELSE last_error END,
                status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END
            WHERE lead_id = @LeadId
            """,
            new { LeadId = leadId },
            transaction,
            cancellationToken: cancellationToken));

    private static WebhookStatus ParseStatus(string status) => status switch
    {
        Pending => WebhookStatus.Pending,
        Sent => WebhookStatus.Sent,
        Failed => WebhookStatus.Failed,
        _ => throw new InvalidOperationException($"webhook_outbox holds the unknown status '{status}'."),
    };

    /// <summary>A <c>webhook_outbox</c> row, in the types SQLite stores.</summary>
    private sealed record Row
    {
        public long Id { get; init; }
        public string Event { get; init; } = "";
        public string Url { get; init; } = "";
        public string Body { get; init; } = "";
        public string? LeadId { get; init; }
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public string CreatedAt { get; init; } = "";
        public string NextAttemptAt { get; init; } = "";
        public string? SentAt { get; init; }
        public string? LastError { get; init; }
        public string? IdempotencyId { get; init; }

        public WebhookMessage ToMessage() => new(
            Id,
            Event,
            Url,
            Body,
            LeadId,
            ParseStatus(Status),
            checked((int)Attempts),
            SqliteTime.FromText(CreatedAt),
            SqliteTime.FromText(NextAttemptAt),
            SqliteTime.FromNullableText(SentAt),
            LastError)
        {
            // Rows queued before migration 0008 got a random id there; the fallback only guards a hand-edited row.
            IdempotencyId = IdempotencyId ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"msg_{Id}"),
        };
    }
}
