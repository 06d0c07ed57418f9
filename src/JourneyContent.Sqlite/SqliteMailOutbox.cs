using System.Security.Cryptography;
using Dapper;
using JourneyContent.Mail;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>The mail outbox in the <c>mail_outbox</c> table.</summary>
/// <remarks>
/// Timestamps are fixed-width UTC text (<see cref="SqliteTime"/>), so <c>next_attempt_at &lt;= @Now</c> compares times correctly
/// and the <c>(status, next_attempt_at)</c> index serves the sender's poll. Ids come from <c>AUTOINCREMENT</c>, so id order is enqueue order.
/// </remarks>
public sealed class SqliteMailOutbox(SqliteConnectionFactory connections, TimeProvider time) : IMailOutbox
{
    private const string Erased = "(erased)";

    private const string Columns =
        """
        id AS Id, to_address AS ToAddress, to_name AS ToName, subject AS Subject, text_body AS TextBody, html_body AS HtmlBody,
        language AS Language, purpose AS Purpose, lead_id AS LeadId, status AS Status, attempts AS Attempts,
        created_at AS CreatedAt, next_attempt_at AS NextAttemptAt, sent_at AS SentAt, last_error AS LastError,
        idempotency_id AS IdempotencyId
        """;

    /// <inheritdoc />
    public async Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await InsertAsync(connection, null, mail, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Writes <paramref name="mail"/> as pending and due at <paramref name="now"/>, inside <paramref name="transaction"/> when given; returns its id.</summary>
    /// <remarks>The one place a mail enters the outbox, so the lead store can enqueue within the transaction that stores the lead.</remarks>
    internal static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.To, nameof(mail));
        var at = SqliteTime.ToText(now);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO mail_outbox (to_address, to_name, subject, text_body, html_body, language, purpose, lead_id,
                                     status, attempts, created_at, next_attempt_at, idempotency_id)
            VALUES (@To, @ToName, @Subject, @TextBody, @HtmlBody, @Language, @Purpose, @LeadId, 'pending', 0, @Now, @Now, @IdempotencyId)
            RETURNING id
            """,
            new
            {
                mail.To, mail.ToName, mail.Subject, mail.TextBody, mail.HtmlBody, mail.Language, mail.Purpose, mail.LeadId, Now = at,
                IdempotencyId = mail.IdempotencyId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM mail_outbox
            WHERE status = 'pending' AND next_attempt_at <= @Now AND to_address IS NOT NULL
            ORDER BY next_attempt_at, id
            LIMIT @Max
            """,
            new { Now = SqliteTime.ToText(now), Max = max },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var rows = await OutboxRows.ClaimAsync<Row>(connections, "mail_outbox", Columns, "AND to_address IS NOT NULL", now, max, lease, cancellationToken);
        return [.. rows.Select(r => r.ToEntry()).OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)];
    }

    /// <inheritdoc />
    public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        OutboxRows.MarkSentAsync(connections, "mail_outbox", id, at, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(long id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        OutboxRows.MarkFailedAsync(connections, "mail_outbox", id, error, nextAttemptAt, cancellationToken);

    /// <inheritdoc />
    public async Task<OutboxSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var (pending, sent, failed, oldest) = await OutboxRows.CountAsync(connections, "mail_outbox", cancellationToken);
        return new OutboxSummary(pending, sent, failed, oldest);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM mail_outbox ORDER BY id DESC LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc />
    public async Task<int> EraseRecipientAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        return await EraseLeadAsync(connection, null, leadId, cancellationToken);
    }

    /// <summary>The erasure of <see cref="EraseRecipientAsync"/>, inside <paramref name="transaction"/> when given, so the lead store erases a lead and its mail in one commit.</summary>
    internal static Task<int> EraseLeadAsync(SqliteConnection connection, SqliteTransaction? transaction, string leadId, CancellationToken cancellationToken) =>
        // The WHERE skips rows already erased, so erasing twice reports 0 the second time.
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_outbox
            SET to_address = NULL, to_name = NULL, subject = @Erased, text_body = @Erased, html_body = @Erased,
                last_error = CASE WHEN status = 'pending' THEN 'recipient erased' ELSE last_error END,
                status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END
            WHERE lead_id = @LeadId
              AND (to_address IS NOT NULL OR to_name IS NOT NULL OR subject <> @Erased OR text_body <> @Erased OR html_body <> @Erased OR status = 'pending')
            """,
            new { LeadId = leadId, Erased },
            transaction,
            cancellationToken: cancellationToken));

    private static OutboxStatus ParseStatus(string status) => status switch
    {
        "pending" => OutboxStatus.Pending,
        "sent" => OutboxStatus.Sent,
        "failed" => OutboxStatus.Failed,
        _ => throw new InvalidOperationException($"Unknown mail_outbox status '{status}'."),
    };

    /// <summary>A <c>mail_outbox</c> row, in the types SQLite stores.</summary>
    private sealed record Row
    {
        public long Id { get; init; }
        public string? ToAddress { get; init; }
        public string? ToName { get; init; }
        public string Subject { get; init; } = "";
        public string TextBody { get; init; } = "";
        public string HtmlBody { get; init; } = "";
        public string Language { get; init; } = "";
        public string Purpose { get; init; } = "";
        public string? LeadId { get; init; }
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public string CreatedAt { get; init; } = "";
        public string NextAttemptAt { get; init; } = "";
        public string? SentAt { get; init; }
        public string? LastError { get; init; }
        public string? IdempotencyId { get; init; }

        // An erased recipient reads as an empty address: the record's To is not nullable, and the entry is never sent again.
        public OutboxEntry ToEntry() => new(
            Id,
            new OutgoingMail(ToAddress ?? "", ToName, Subject, TextBody, HtmlBody, Language, Purpose) { LeadId = LeadId, IdempotencyId = IdempotencyId },
            ParseStatus(Status),
            (int)Attempts,
            SqliteTime.FromText(CreatedAt),
            SqliteTime.FromText(NextAttemptAt),
            SqliteTime.FromNullableText(SentAt),
            LastError);
    }
}
