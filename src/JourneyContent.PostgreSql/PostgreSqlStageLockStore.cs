using Dapper;
using JourneyContent.Leads;
using JourneyContent.StageLocks;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>Stage locks in the <c>stage_locks</c> table, audited in <c>privacy_audit</c> and reflected in the lead's stage and its history.</summary>
/// <remarks>
/// Locking and unlocking first lock the lead's row (<c>FOR NO KEY UPDATE</c>), as SQLite's one writer would: instances
/// changing the same lead's lock take turns, so each stage-history line starts from the stage the previous one left, a
/// lead erased meanwhile is not locked, and lock and unlock always take their row locks in the same order (lead, then
/// lock), so they cannot deadlock. Other leads' locks, and inserts referencing the lead, are not held up.
/// </remarks>
public sealed class PostgreSqlStageLockStore(PostgreSqlConnectionFactory connections) : IStageLockStore
{
    private const string Columns = "lead_id AS LeadId, stage AS Stage, set_at AS SetAt, until AS Until, set_by AS SetBy, reason AS Reason";

    /// <inheritdoc />
    public async Task<StageLock?> ForLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM stage_locks WHERE lead_id = @LeadId", new { LeadId = leadId }, cancellationToken: cancellationToken)))?.ToLock();
    }

    /// <inheritdoc />
    public async Task<StageLock?> ForVisitorAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM stage_locks WHERE lead_id = (SELECT lead_id FROM lead_visitors WHERE visitor_id = @VisitorId ORDER BY merged_at DESC LIMIT 1)",
            new { VisitorId = visitorId }, cancellationToken: cancellationToken)))?.ToLock();
    }

    /// <inheritdoc />
    public async Task<bool> LockAsync(StageLock stageLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stageLock);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lead = await connection.QuerySingleOrDefaultAsync<(string Id, string? Stage)>(new CommandDefinition(
            "SELECT id, stage FROM leads WHERE id = @LeadId AND erased_at IS NULL FOR NO KEY UPDATE",
            new { stageLock.LeadId }, transaction, cancellationToken: cancellationToken));
        if (lead.Id is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage_locks (lead_id, stage, set_at, until, set_by, reason) VALUES (@LeadId, @Stage, @SetAt, @Until, @SetBy, @Reason)
            ON CONFLICT (lead_id) DO UPDATE SET stage = excluded.stage, set_at = excluded.set_at, until = excluded.until,
                                                set_by = excluded.set_by, reason = excluded.reason
            """,
            new
            {
                stageLock.LeadId,
                stageLock.Stage,
                SetAt = PostgreSqlTime.ToDatabase(stageLock.SetAt),
                Until = PostgreSqlTime.ToDatabase(stageLock.Until),
                stageLock.SetBy,
                stageLock.Reason,
            },
            transaction,
            cancellationToken: cancellationToken));
        await MoveLeadAsync(connection, transaction, stageLock.LeadId, lead.Stage, stageLock.Stage, stageLock.SetAt, "locked", cancellationToken);
        await InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(stageLock.LeadId, StageLocking.LockAction, stageLock.SetBy, stageLock.SetAt, stageLock.AuditDetail()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<StageLock?> UnlockAsync(string leadId, string byUser, DateTimeOffset at, string? inferredStage, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The lead's row before the lock's, in the order LockAsync takes them; an erased lead has no current stage.
        var current = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT CASE WHEN erased_at IS NULL THEN stage END FROM leads WHERE id = @LeadId FOR NO KEY UPDATE",
            new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        var removed = (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"DELETE FROM stage_locks WHERE lead_id = @LeadId RETURNING {Columns}", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken)))?.ToLock();
        if (removed is null)
        {
            return null;
        }

        if (inferredStage is not null)
        {
            await MoveLeadAsync(connection, transaction, leadId, current, inferredStage, at, "unlocked", cancellationToken);
        }

        await InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(leadId, StageLocking.UnlockAction, byUser, at, removed.AuditDetail()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task MoveLeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string leadId, string? from, string to, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leads SET stage = @Stage, updated_at = @At WHERE id = @LeadId",
            new { LeadId = leadId, Stage = to, At = PostgreSqlTime.ToDatabase(at) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lead_stage_history (lead_id, from_stage, to_stage, at, reason) VALUES (@LeadId, @From, @To, @At, @Reason)",
            new { LeadId = leadId, From = from, To = to, At = PostgreSqlTime.ToDatabase(at), Reason = reason }, transaction, cancellationToken: cancellationToken));
    }

    private static Task InsertAuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PrivacyAuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO privacy_audit (lead_id, action, by_user, at, detail) VALUES (@LeadId, @Action, @ByUser, @At, @Detail)",
            new { entry.LeadId, entry.Action, entry.ByUser, At = PostgreSqlTime.ToDatabase(entry.At), entry.Detail }, transaction, cancellationToken: cancellationToken));

    /// <summary>A <c>stage_locks</c> row, in the types Npgsql reads.</summary>
    private sealed record Row
    {
        public string LeadId { get; init; } = "";
        public string Stage { get; init; } = "";
        public DateTime SetAt { get; init; }
        public DateTime Until { get; init; }
        public string SetBy { get; init; } = "";
        public string? Reason { get; init; }

        public StageLock ToLock() => new(LeadId, Stage, PostgreSqlTime.FromDatabase(SetAt), PostgreSqlTime.FromDatabase(Until), SetBy, Reason);
    }
}
