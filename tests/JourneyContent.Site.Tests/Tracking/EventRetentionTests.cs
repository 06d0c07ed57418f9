using JourneyContent.Journeys;
using JourneyContent.Testing;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.Tracking;

/// <summary>Tracked events kept only as long as the site says: the scheduled removal on the site's own store and clock.</summary>
public sealed class EventRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_a_retention_of_three_months_the_events_and_transitions_before_the_cutoff_go_and_the_rest_stay()
    {
        await using var site = new DemoSite().With("JourneyContent:Tracking:EventRetentionMonths", "3").WithTime(new FakeTimeProvider(Now));
        var store = site.Services.GetRequiredService<IJourneyStore>();
        await store.AppendAsync(
            [View("old", Now.AddMonths(-3).AddMinutes(-1)), View("old", Now.AddMonths(-3).AddMinutes(1)), View("new", Now.AddDays(-1))],
            [new StoredTransition("old", null, "awareness", Now.AddMonths(-4), "en/a", "Evidence")],
            default);

        await site.Services.GetRequiredService<JourneyEventRetention>().RunOnceAsync(default);

        Assert.Equal([Now.AddMonths(-3).AddMinutes(1)], (await store.EventsOfAsync("old", default)).Select(e => e.Timestamp));
        Assert.Single(await store.EventsOfAsync("new", default));
        Assert.Empty(await store.TransitionsOfAsync("old", default));
    }

    [Fact]
    public async Task By_default_events_are_kept_however_old()
    {
        await using var site = new DemoSite().WithTime(new FakeTimeProvider(Now));
        var store = site.Services.GetRequiredService<IJourneyStore>();
        await store.AppendAsync([View("old", Now.AddYears(-5))], [], default);

        var removed = await site.Services.GetRequiredService<JourneyEventRetention>().RunOnceAsync(default);

        Assert.Equal(0, removed);
        Assert.Single(await store.EventsOfAsync("old", default));
    }

    [Fact]
    public void A_negative_retention_stops_the_site_naming_the_setting()
    {
        using var site = new DemoSite().With("JourneyContent:Tracking:EventRetentionMonths", "-1");

        var error = Assert.Throws<OptionsValidationException>(() => site.Services.GetRequiredService<IOptions<TrackingOptions>>().Value);

        Assert.Contains("JourneyContent:Tracking:EventRetentionMonths is 0 (keep events) or a number of months up to 1200.", error.Message, StringComparison.Ordinal);
    }

    private static JourneyEvent View(string visitor, DateTimeOffset at) => new(visitor, at, JourneyEventType.View, "en/a");
}
