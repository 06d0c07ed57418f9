namespace JourneyContent.Editing;

/// <summary>One change of an item's tags (stage, secondary stages, kind, or its recommendation settings): who, when, what, and from what.</summary>
public sealed record StageAuditEntry
{
    /// <summary>The entry's number, assigned by the log when appended; ignored by <see cref="IStageAuditLog.AppendAsync"/>.</summary>
    public long Id { get; init; }

    /// <summary>The item's id.</summary>
    public required string ItemId { get; init; }

    /// <summary>The item's title at the time, so the entry stays readable after the item is renamed or deleted.</summary>
    public string ItemTitle { get; init; } = string.Empty;

    /// <summary>The editor's email.</summary>
    public required string ChangedBy { get; init; }

    /// <summary>When the change was written.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The primary stage before; null for untagged.</summary>
    public string? FromStage { get; init; }

    /// <summary>The primary stage after; null for untagged.</summary>
    public string? ToStage { get; init; }

    /// <summary>Secondary stages before, as <c>stage:weight, …</c> (for example <c>consideration:0.5</c>).</summary>
    public string? FromSecondary { get; init; }

    /// <summary>Secondary stages after, in the same form as <see cref="FromSecondary"/>.</summary>
    public string? ToSecondary { get; init; }

    /// <summary>The kind before.</summary>
    public string? FromKind { get; init; }

    /// <summary>The kind after.</summary>
    public string? ToKind { get; init; }

    /// <summary>The recommendation settings before (pins, exclusion, boost); null when this change left them alone.</summary>
    public Tagging.RecommendationTags? FromRecommendations { get; init; }

    /// <summary>The recommendation settings after; null when this change left them alone.</summary>
    public Tagging.RecommendationTags? ToRecommendations { get; init; }

    /// <summary>The topics and the item's own call to action before; null when this change left them alone.</summary>
    public Tagging.TopicAndOfferTags? FromTopicsAndOffer { get; init; }

    /// <summary>The topics and the item's own call to action after; null when this change left them alone.</summary>
    public Tagging.TopicAndOfferTags? ToTopicsAndOffer { get; init; }

    /// <summary>Where the change came from: one of <see cref="StageAuditSources"/>.</summary>
    public string Source { get; init; } = StageAuditSources.Edit;
}
