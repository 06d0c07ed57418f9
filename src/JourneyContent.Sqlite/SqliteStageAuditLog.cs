using Dapper;
using JourneyContent.Editing;

namespace JourneyContent.Sqlite;

/// <summary>The audit log of tag changes in the <c>stage_audit</c> table.</summary>
/// <remarks>Ids come from <c>AUTOINCREMENT</c>, so they are never reused and "newest first" is the order entries were appended.</remarks>
public sealed class SqliteStageAuditLog(SqliteConnectionFactory connections) : IStageAuditLog
{
    /// <inheritdoc />
    public async Task AppendAsync(StageAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ItemId, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ChangedBy, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Source, nameof(entry));
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage_audit (item_id, item_title, changed_by, changed_at, from_stage, to_stage,
                                     from_secondary, to_secondary, from_kind, to_kind, from_recommendations, to_recommendations,
                                     from_topics_offer, to_topics_offer, source)
            VALUES (@ItemId, @ItemTitle, @ChangedBy, @ChangedAt, @FromStage, @ToStage,
                    @FromSecondary, @ToSecondary, @FromKind, @ToKind, @FromRecommendations, @ToRecommendations,
                    @FromTopicsAndOffer, @ToTopicsAndOffer, @Source)
            """,
            new
            {
                entry.ItemId,
                entry.ItemTitle,
                entry.ChangedBy,
                ChangedAt = SqliteTime.ToText(entry.ChangedAt),
                entry.FromStage,
                entry.ToStage,
                entry.FromSecondary,
                entry.ToSecondary,
                entry.FromKind,
                entry.ToKind,
                FromRecommendations = StageAuditJson.Write(entry.FromRecommendations),
                ToRecommendations = StageAuditJson.Write(entry.ToRecommendations),
                FromTopicsAndOffer = StageAuditJson.Write(entry.FromTopicsAndOffer),
                ToTopicsAndOffer = StageAuditJson.Write(entry.ToTopicsAndOffer),
                entry.Source,
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StageAuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, item_id AS ItemId, item_title AS ItemTitle, changed_by AS ChangedBy, changed_at AS ChangedAt,
                   from_stage AS FromStage, to_stage AS ToStage, from_secondary AS FromSecondary, to_secondary AS ToSecondary,
                   from_kind AS FromKind, to_kind AS ToKind, from_recommendations AS FromRecommendations,
                   to_recommendations AS ToRecommendations, from_topics_offer AS FromTopicsAndOffer,
                   to_topics_offer AS ToTopicsAndOffer, source AS Source
            FROM stage_audit
            WHERE @ItemId IS NULL OR item_id = @ItemId
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new { ItemId = itemId, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>A <c>stage_audit</c> row, in the types SQLite stores.</summary>
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
        public string? FromRecommendations { get; init; }
        public string? ToRecommendations { get; init; }
        public string? FromTopicsAndOffer { get; init; }
        public string? ToTopicsAndOffer { get; init; }
        public string Source { get; init; } = "";

        public StageAuditEntry ToEntry() => new()
        {
            Id = Id,
            ItemId = ItemId,
            ItemTitle = ItemTitle,
            ChangedBy = ChangedBy,
            ChangedAt = SqliteTime.FromText(ChangedAt),
            FromStage = FromStage,
            ToStage = ToStage,
            FromSecondary = FromSecondary,
            ToSecondary = ToSecondary,
            FromKind = FromKind,
            ToKind = ToKind,
            FromRecommendations = StageAuditJson.ReadRecommendations(FromRecommendations),
            ToRecommendations = StageAuditJson.ReadRecommendations(ToRecommendations),
            FromTopicsAndOffer = StageAuditJson.ReadTopicsAndOffer(FromTopicsAndOffer),
            ToTopicsAndOffer = StageAuditJson.ReadTopicsAndOffer(ToTopicsAndOffer),
            Source = Source,
        };
    }
}
