namespace JourneyContent.Editing;

/// <summary>The audit log of tag changes: append-only.</summary>
public interface IStageAuditLog
{
    /// <summary>Appends an entry; its <see cref="StageAuditEntry.Id"/> is assigned by the log.</summary>
    Task AppendAsync(StageAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries, newest (most recently appended) first, of one item or, when <paramref name="itemId"/> is null, of all.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is zero or negative.</exception>
    Task<IReadOnlyList<StageAuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken);
}
