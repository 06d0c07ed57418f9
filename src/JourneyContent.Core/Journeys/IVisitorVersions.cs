namespace JourneyContent.Journeys;

/// <summary>
/// What a visitor's stored state amounts to, cheaply: how many event rows are stored for them and when their lead's
/// stage lock was set. Two instances that agree on it hold the same journey for that visitor.
/// </summary>
/// <param name="Events">How many event rows are stored for the visitor, whatever their type.</param>
/// <param name="LockSetAt">When the stage lock of the visitor's lead was set, as stored; null when there is none.</param>
public readonly record struct VisitorVersion(long Events, DateTimeOffset? LockSetAt);

/// <summary>
/// Reads <see cref="VisitorVersion"/> from a store that several instances of the site share, so that each instance
/// checks the visitor it holds in memory against the database before it answers (a read-through cache).
/// </summary>
/// <remarks>
/// Registered only by stores meant for several instances (PostgreSQL). Without it, an instance trusts its memory: right
/// for one process on its own SQLite file.
/// </remarks>
public interface IVisitorVersions
{
    /// <summary>The stored version of <paramref name="visitorId"/>, in one round trip.</summary>
    Task<VisitorVersion> VersionOfAsync(string visitorId, CancellationToken cancellationToken);
}
