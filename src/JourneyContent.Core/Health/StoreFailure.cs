using System.Data.Common;

namespace JourneyContent.Health;

/// <summary>Which errors mean "the database cannot be used right now", the one definition the module degrades on.</summary>
public static class StoreFailure
{
    /// <summary>
    /// True for the store's own failures: a provider error (<see cref="DbException"/>: unreachable, busy, read-only), a
    /// connection that could not be opened (<see cref="StoreUnavailableException"/>) or one that timed out.
    /// </summary>
    public static bool Is(Exception error) => error is DbException or StoreUnavailableException or TimeoutException;
}
