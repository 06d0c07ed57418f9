using System.Text.Json;
using Dapper;
using JourneyContent.Editing;
using JourneyContent.Tagging;

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
                FromRecommendations = AuditSettingsJson.Write(entry.FromRecommendations),
                ToRecommendations = AuditSettingsJson.Write(entry.ToRecommendations),
                FromTopicsAndOffer = AuditSettingsJson.Write(entry.FromTopicsAndOffer),
                ToTopicsAndOffer = AuditSettingsJson.Write(entry.ToTopicsAndOffer),
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
            FromRecommendations = AuditSettingsJson.Read(FromRecommendations),
            ToRecommendations = AuditSettingsJson.Read(ToRecommendations),
            FromTopicsAndOffer = AuditSettingsJson.ReadTopicsAndOffer(FromTopicsAndOffer),
            ToTopicsAndOffer = AuditSettingsJson.ReadTopicsAndOffer(ToTopicsAndOffer),
            Source = Source,
        };
    }
}

/// <summary>
/// The settings of an audit row beyond stages (recommendations; topics and the item's own offer): small JSON objects,
/// so lists keep their order and values with commas or quotes survive.
/// </summary>
internal static class AuditSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Write(RecommendationTags? tags) =>
        tags is null ? null : JsonSerializer.Serialize(new StoredRecommendations(tags.PinnedNext, tags.Excluded, tags.Boost), Options);

    public static string? Write(TopicAndOfferTags? tags) =>
        tags is null ? null : JsonSerializer.Serialize(new StoredTopicsAndOffer(tags.Topics, tags.CallToAction), Options);

    public static RecommendationTags? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredRecommendations>(json, Options);
        return stored is null ? null : new RecommendationTags(stored.Pinned ?? [], stored.Excluded, stored.Boost);
    }

    public static TopicAndOfferTags? ReadTopicsAndOffer(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredTopicsAndOffer>(json, Options);
        return stored is null ? null : new TopicAndOfferTags(stored.Topics ?? [], stored.Offer);
    }

    private sealed record StoredRecommendations(IReadOnlyList<string>? Pinned, bool Excluded, double Boost);

    private sealed record StoredTopicsAndOffer(IReadOnlyList<string>? Topics, JourneyContent.Content.CallToActionBlock? Offer);
}
