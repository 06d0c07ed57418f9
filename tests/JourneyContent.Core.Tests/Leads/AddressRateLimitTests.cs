using JourneyContent.Leads;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Core.Tests.Leads;

public sealed class AddressRateLimitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_address_is_limited_whatever_its_case_until_its_window_ends()
    {
        var limit = new AddressRateLimit(2, TimeSpan.FromMinutes(10), _time);

        Assert.Null(limit.TryAcquire("ada@example.com"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limit.TryAcquire("ADA@example.com"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(8), limit.TryAcquire("Ada@Example.com"));
        Assert.Null(limit.TryAcquire("grace@example.com"));
        _time.Advance(TimeSpan.FromMinutes(8));
        Assert.Null(limit.TryAcquire("ada@example.com"));
    }
}
