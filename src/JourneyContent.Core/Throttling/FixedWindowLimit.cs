using System.Collections.Concurrent;

namespace JourneyContent.Throttling;

/// <summary>
/// A fixed-window count per key (an IP address, an email address) on the injected clock: the one rule behind the form
/// limits per address and per IP and the sign-in throttle.
/// </summary>
/// <remarks>
/// <para>A key's window opens with its first counted attempt and lasts <c>window</c>, start inclusive and end exclusive.
/// Within it, at most <c>limit</c> attempts are allowed; once the window ends the key starts afresh.</para>
/// <para>Keys are compared ordinally: callers that want case-insensitive keys normalise them. Keys whose window ended
/// are swept when more than <see cref="MaxTracked"/> are held, so that a spray of keys cannot grow the table without
/// bound.</para>
/// </remarks>
public sealed class FixedWindowLimit
{
    /// <summary>How many keys are kept before ended windows are swept.</summary>
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    /// <summary>Allows <paramref name="limit"/> attempts per key in each <paramref name="window"/>.</summary>
    public FixedWindowLimit(int limit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        (_limit, _window, _time) = (limit, window, time);
    }

    /// <summary>Counts one attempt of <paramref name="key"/>: null when it is allowed, else how long until the key may try again.</summary>
    /// <remarks>A refused attempt counts too, but does not extend the window.</remarks>
    public TimeSpan? TryAcquire(string key)
    {
        var now = _time.GetUtcNow();
        var current = Count(key, now);
        return current.Count <= _limit ? null : current.Ends - now;
    }

    /// <summary>How long <paramref name="key"/> stays refused, without counting an attempt; null when it may try now.</summary>
    public TimeSpan? RefusedFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        return _windows.TryGetValue(key, out var window) && now < window.Ends && window.Count >= _limit ? window.Ends - now : null;
    }

    /// <summary>Counts one attempt of <paramref name="key"/> without asking whether it is allowed (a failure after the fact).</summary>
    public void Record(string key) => Count(key, _time.GetUtcNow());

    private Window Count(string key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_windows.Count > MaxTracked)
        {
            foreach (var (stale, _) in _windows.Where(w => w.Value.Ends <= now))
            {
                _windows.TryRemove(stale, out _);
            }
        }

        return _windows.AddOrUpdate(
            key,
            _ => new Window(now + _window, 1),
            (_, w) => w.Ends <= now ? new Window(now + _window, 1) : w with { Count = w.Count + 1 });
    }

    /// <summary>The number of keys held now (swept ones excluded).</summary>
    internal int Tracked => _windows.Count;

    private sealed record Window(DateTimeOffset Ends, int Count);
}
