using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Authentication;

/// <summary>The per-address limit of failed sign-ins: the <c>JourneyContent:BackOffice:SignIn</c> section.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "JourneyContent:BackOffice:SignIn";

    /// <summary>Failed sign-ins accepted from one IP address within <see cref="Window"/>: 10 by default.</summary>
    public int PerIpLimit { get; set; } = 10;

    /// <summary>How long an address's window lasts from its first failure: 15 minutes by default.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Refuses sign-ins from an IP address that failed too often, on top of each account's own lockout.</summary>
/// <remarks>
/// <para>Fixed windows per address: its first failure opens a window of <see cref="SignInThrottleOptions.Window"/>
/// (start inclusive, end exclusive). Once <see cref="SignInThrottleOptions.PerIpLimit"/> failures fell in the window, every
/// attempt from the address is refused until the window ends, with the right password or not.</para>
/// <para>Only failures count, so people behind one address who sign in correctly are never held back, while one address
/// cannot try many accounts (which the per-account lockout alone would allow). Refused attempts do not count either:
/// the window is not extended.</para>
/// <para>Time comes from <see cref="TimeProvider"/>. Addresses whose window ended are forgotten when more than
/// <see cref="MaxTracked"/> are held, so that a spray of addresses cannot grow the table without bound.</para>
/// </remarks>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    /// <summary>How many addresses are kept before ended windows are swept.</summary>
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="address"/> is refused now; <paramref name="retryAfter"/> says until when.</summary>
    public bool IsThrottled(string address, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (_windows.TryGetValue(address, out var window) && now < window.Start + settings.Window && window.Failures >= settings.PerIpLimit)
        {
            retryAfter = window.Start + settings.Window - now;
            return true;
        }

        retryAfter = TimeSpan.Zero;
        return false;
    }

    /// <summary>Counts a failed sign-in from <paramref name="address"/>.</summary>
    public void RecordFailure(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = time.GetUtcNow();
        var length = options.Value.Window;
        _windows.AddOrUpdate(address, _ => new Window(now, 1), (_, window) => now < window.Start + length ? window with { Failures = window.Failures + 1 } : new Window(now, 1));
        if (_windows.Count > MaxTracked)
        {
            foreach (var (key, window) in _windows)
            {
                if (now >= window.Start + length)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}
