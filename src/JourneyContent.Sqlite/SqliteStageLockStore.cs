using System.Globalization;
using Dapper;
using JourneyContent.Leads;
using JourneyContent.StageLocks;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>Stage locks in the <c>stage_locks</c> table, audited in <c>privacy_audit</c> and reflected in the lead's stage and its history.</summary>
public sealed class SqliteStageLockStore(SqliteConnectionFactory connections) : IStageLockStore
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
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var stage = await connection.QuerySingleOrDefaultAsync<(string Id, string? Stage)>(new CommandDefinition(
            "SELECT id, stage FROM leads WHERE id = @LeadId AND erased_at IS NULL", new { stageLock.LeadId }, transaction, cancellationToken: cancellationToken));
        if (stage.Id is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage_locks (lead_id, stage, set_at, until, set_by, reason) VALUES (@LeadId, @Stage, @SetAt, @Until, @SetBy, @Reason)
            ON CONFLICT (lead_id) DO UPDATE SET stage = excluded.stage, set_at = excluded.set_at, until = excluded.until,
                                                set_by = excluded.set_by, reason = excluded.reason
            """,
            new { stageLock.LeadId, stageLock.Stage, SetAt = SqliteTime.ToText(stageLock.SetAt), Until = SqliteTime.ToText(stageLock.Until), stageLock.SetBy, stageLock.Reason },
            transaction,
            cancellationToken: cancellationToken));
        await MoveLeadAsync(connection, transaction, stageLock.LeadId, stage.Stage, stageLock.Stage, stageLock.SetAt, "locked", cancellationToken);
        await SqliteLeadStore.InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(stageLock.LeadId, StageLocking.LockAction, stageLock.SetBy, stageLock.SetAt, stageLock.AuditDetail()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<StageLock?> UnlockAsync(string leadId, string byUser, DateTimeOffset at, string? inferredStage, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var removed = (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"DELETE FROM stage_locks WHERE lead_id = @LeadId RETURNING {Columns}", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken)))?.ToLock();
        if (removed is null)
        {
            return null;
        }

        var current = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT stage FROM leads WHERE id = @LeadId AND erased_at IS NULL", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        if (inferredStage is not null)
        {
            await MoveLeadAsync(connection, transaction, leadId, current, inferredStage, at, "unlocked", cancellationToken);
        }

        await SqliteLeadStore.InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(leadId, StageLocking.UnlockAction, byUser, at, removed.AuditDetail()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task MoveLeadAsync(SqliteConnection connection, SqliteTransaction transaction, string leadId, string? from, string to, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leads SET stage = @Stage, updated_at = @At WHERE id = @LeadId",
            new { LeadId = leadId, Stage = to, At = SqliteTime.ToText(at) }, transaction, cancellationToken: cancellationToken));
        await SqliteLeadStore.InsertStageChangeAsync(connection, transaction, leadId, new LeadStageChange(from, to, at, reason), cancellationToken);
    }

    /// <summary>A <c>stage_locks</c> row, in the types SQLite stores.</summary>
    private sealed record Row
    {
        public string LeadId { get; init; } = "";
        public string Stage { get; init; } = "";
        public string SetAt { get; init; } = "";
        public string Until { get; init; } = "";
        public string SetBy { get; init; } = "";
        public string? Reason { get; init; }

        public StageLock ToLock() => new(LeadId, Stage, SqliteTime.FromText(SetAt), SqliteTime.FromText(Until), SetBy, Reason);
    }
}
