using JourneyContent.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Core.Tests.Throttling;

public sealed class FixedWindowLimitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_refused_past_its_limit_until_its_window_ends_and_other_keys_are_not()
    {
        var limit = new FixedWindowLimit(2, TimeSpan.FromMinutes(10), _time);

        Assert.Null(limit.TryAcquire("ada"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limit.TryAcquire("ada"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(8), limit.TryAcquire("ada"));
        Assert.Null(limit.TryAcquire("grace"));
        _time.Advance(TimeSpan.FromMinutes(8) - TimeSpan.FromTicks(1));
        Assert.NotNull(limit.TryAcquire("ada"));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(limit.TryAcquire("ada"));
    }

    [Fact]
    public void Keys_are_compared_as_given_so_callers_choose_their_normalisation()
    {
        var limit = new FixedWindowLimit(1, TimeSpan.FromMinutes(10), _time);

        Assert.Null(limit.TryAcquire("ada@example.com"));
        Assert.Null(limit.TryAcquire("ADA@example.com"));
        Assert.NotNull(limit.TryAcquire("ada@example.com"));
    }

    [Fact]
    public void Asking_whether_a_key_is_refused_counts_nothing_and_recorded_failures_do()
    {
        var limit = new FixedWindowLimit(2, TimeSpan.FromMinutes(15), _time);

        Assert.Null(limit.RefusedFor("10.0.0.1"));
        limit.Record("10.0.0.1");
        Assert.Null(limit.RefusedFor("10.0.0.1"));
        _time.Advance(TimeSpan.FromMinutes(5));
        limit.Record("10.0.0.1");

        Assert.Equal(TimeSpan.FromMinutes(10), limit.RefusedFor("10.0.0.1"));
        Assert.Equal(TimeSpan.FromMinutes(10), limit.RefusedFor("10.0.0.1"));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(limit.RefusedFor("10.0.0.1"));
    }

    [Fact]
    public void A_spray_of_keys_is_swept_once_their_windows_end()
    {
        var limit = new FixedWindowLimit(1, TimeSpan.FromMinutes(1), _time);
        for (var i = 0; i <= FixedWindowLimit.MaxTracked; i++)
        {
            limit.TryAcquire($"10.0.{i / 256}.{i % 256}");
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        limit.TryAcquire("fresh");

        Assert.Equal(1, limit.Tracked);
    }
}
