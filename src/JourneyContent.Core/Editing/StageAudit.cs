namespace JourneyContent.Editing;

/// <summary>One change of an item's tags: who, when, what, and from what.</summary>
public sealed record StageAuditEntry
{
    /// <summary>The entry's number, assigned by the store.</summary>
    public long Id { get; init; }

    /// <summary>The item's id.</summary>
    public required string ItemId { get; init; }

    /// <summary>The item's title at the time.</summary>
    public string ItemTitle { get; init; } = string.Empty;

    /// <summary>The editor's email.</summary>
    public required string ChangedBy { get; init; }

    /// <summary>When the change was written.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The primary stage before; null for untagged.</summary>
    public string? FromStage { get; init; }

    /// <summary>The primary stage after; null for untagged.</summary>
    public string? ToStage { get; init; }

    /// <summary>Secondary stages before, as <c>stage:weight, …</c>.</summary>
    public string? FromSecondary { get; init; }

    /// <summary>Secondary stages after.</summary>
    public string? ToSecondary { get; init; }

    /// <summary>The kind before.</summary>
    public string? FromKind { get; init; }

    /// <summary>The kind after.</summary>
    public string? ToKind { get; init; }

    /// <summary>Where the change came from: <c>inline</c>, <c>edit</c>, <c>bulk</c> or <c>suggestion</c>.</summary>
    public string Source { get; init; } = "edit";
}

/// <summary>The audit log of tag changes.</summary>
public interface IStageAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task AppendAsync(StageAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries, of one item or of all.</summary>
    Task<IReadOnlyList<StageAuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken);
}
