namespace JourneyContent.Health;

/// <summary>Whether the store can serve requests: it answers, and its schema is at the version this build needs.</summary>
/// <param name="Reachable">True when a query reached the database.</param>
/// <param name="PendingMigrations">Migrations this build has that the database has not applied (0 when unreachable).</param>
/// <param name="Problem">What went wrong, for the log only: it may name a path or a host, so it is never sent to a client.</param>
public sealed record StoreHealth(bool Reachable, int PendingMigrations, string? Problem)
{
    /// <summary>True when the store is reachable and fully migrated.</summary>
    public bool IsReady => Reachable && PendingMigrations == 0;
}

/// <summary>Asks the store whether it can serve; each storage provider implements it.</summary>
public interface IStoreHealth
{
    /// <summary>Checks the store once; never throws for an unreachable database, which is an answer, not an error.</summary>
    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken);
}
