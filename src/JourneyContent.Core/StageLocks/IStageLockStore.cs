namespace JourneyContent.StageLocks;

/// <summary>Where stage locks are kept, one per lead, with their audit (SQLite in the standalone site).</summary>
/// <remarks>Reads return the stored lock even once it has ended: whether it holds is decided by the caller's clock.</remarks>
public interface IStageLockStore
{
    /// <summary>The lead's stored lock, or null.</summary>
    Task<StageLock?> ForLeadAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>The stored lock of the lead a visitor id was merged into, or null.</summary>
    Task<StageLock?> ForVisitorAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets (or replaces) the lead's lock, moves the lead's stage to the locked one with a stage-history line, and audits
    /// who, when, stage and expiry, in one transaction; false when the lead is unknown or erased.
    /// </summary>
    Task<bool> LockAsync(StageLock stageLock, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the lead's lock, audits it (who, when, the stage and expiry removed) and, when <paramref name="inferredStage"/>
    /// is given, moves the lead back to it with a stage-history line, in one transaction; the removed lock, or null when there was none.
    /// </summary>
    Task<StageLock?> UnlockAsync(string leadId, string byUser, DateTimeOffset at, string? inferredStage, CancellationToken cancellationToken);
}
