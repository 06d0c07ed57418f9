using JourneyContent.Throttling;
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
/// <para>A <see cref="FixedWindowLimit"/> per address: its first failure opens a window of
/// <see cref="SignInThrottleOptions.Window"/>. Once <see cref="SignInThrottleOptions.PerIpLimit"/> failures fell in the
/// window, every attempt from the address is refused until the window ends, with the right password or not.</para>
/// <para>Only failures count, so people behind one address who sign in correctly are never held back, while one address
/// cannot try many accounts (which the per-account lockout alone would allow). Refused attempts do not count either:
/// the window is not extended. Time comes from <see cref="TimeProvider"/>.</para>
/// </remarks>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly FixedWindowLimit _failures = new(options.Value.PerIpLimit, options.Value.Window, time);

    /// <summary>True when <paramref name="address"/> is refused now; <paramref name="retryAfter"/> says until when.</summary>
    public bool IsThrottled(string address, out TimeSpan retryAfter)
    {
        var refused = _failures.RefusedFor(address);
        retryAfter = refused ?? TimeSpan.Zero;
        return refused is not null;
    }

    /// <summary>Counts a failed sign-in from <paramref name="address"/>.</summary>
    public void RecordFailure(string address) => _failures.Record(address);
}
