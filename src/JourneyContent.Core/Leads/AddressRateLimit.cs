using System.Collections.Concurrent;

namespace JourneyContent.Leads;

/// <summary>A fixed-window count of submissions per email address, on the injected clock.</summary>
/// <remarks>
/// Addresses are counted whatever their case, so changing case does not get round the limit. A window starts with the
/// first submission of an address and lasts <c>window</c>; windows that ended are swept as new addresses arrive.
/// </remarks>
internal sealed class AddressRateLimit(int limit, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one submission; null when allowed, else how long until the address may send again.</summary>
    public TimeSpan? TryAcquire(string email)
    {
        var now = time.GetUtcNow();
        var key = email.ToLowerInvariant();
        if (_windows.Count > 10_000)
        {
            foreach (var (stale, _) in _windows.Where(w => w.Value.Ends <= now))
            {
                _windows.TryRemove(stale, out _);
            }
        }

        var current = _windows.AddOrUpdate(key, _ => new Window(now + window, 1), (_, w) => w.Ends <= now ? new Window(now + window, 1) : w with { Count = w.Count + 1 });
        return current.Count <= limit ? null : current.Ends - now;
    }

    private sealed record Window(DateTimeOffset Ends, int Count);
}
