using Dapper;
using JourneyContent.Editing;

namespace JourneyContent.Sqlite;

/// <summary>The audit log of tag changes in SQLite.</summary>
public sealed class SqliteStageAuditLog(SqliteConnectionFactory connections) : IStageAuditLog
{
    /// <inheritdoc />
    public async Task AppendAsync(StageAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO stage_audit (item_id, item_title, changed_by, changed_at, from_stage, to_stage, from_secondary, to_secondary, from_kind, to_kind, source) " +
            "VALUES (@ItemId, @ItemTitle, @ChangedBy, @ChangedAt, @FromStage, @ToStage, @FromSecondary, @ToSecondary, @FromKind, @ToKind, @Source)",
            new
            {
                entry.ItemId,
                entry.ItemTitle,
                entry.ChangedBy,
                ChangedAt = SqliteTime.Format(entry.ChangedAt),
                entry.FromStage,
                entry.ToStage,
                entry.FromSecondary,
                entry.ToSecondary,
                entry.FromKind,
                entry.ToKind,
                entry.Source,
            });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StageAuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            "SELECT id, item_id, item_title, changed_by, changed_at, from_stage, to_stage, from_secondary, to_secondary, from_kind, to_kind, source " +
            "FROM stage_audit WHERE (@itemId IS NULL OR item_id = @itemId) ORDER BY id DESC LIMIT @limit",
            new { itemId, limit = Math.Clamp(limit, 1, 10_000) });
        return [.. rows.Select(r => new StageAuditEntry
        {
            Id = r.Id,
            ItemId = r.ItemId,
            ItemTitle = r.ItemTitle,
            ChangedBy = r.ChangedBy,
            ChangedAt = SqliteTime.Parse(r.ChangedAt) ?? default,
            FromStage = r.FromStage,
            ToStage = r.ToStage,
            FromSecondary = r.FromSecondary,
            ToSecondary = r.ToSecondary,
            FromKind = r.FromKind,
            ToKind = r.ToKind,
            Source = r.Source,
        })];
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public string ItemId { get; init; } = "";
        public string ItemTitle { get; init; } = "";
        public string ChangedBy { get; init; } = "";
        public string ChangedAt { get; init; } = "";
        public string? FromStage { get; init; }
        public string? ToStage { get; init; }
        public string? FromSecondary { get; init; }
        public string? ToSecondary { get; init; }
        public string? FromKind { get; init; }
        public string? ToKind { get; init; }
        public string Source { get; init; } = "";
    }
}
