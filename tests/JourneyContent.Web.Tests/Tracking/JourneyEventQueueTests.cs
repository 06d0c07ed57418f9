using System.Diagnostics.Metrics;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Web.Tests.Tracking;

/// <summary>When the events endpoint refuses events because the store could not keep the last batch, and when it accepts them again.</summary>
public sealed class JourneyEventQueueTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void After_a_failed_batch_events_are_refused_for_the_configured_time_with_the_time_left()
    {
        var queue = Queue(new TrackingOptions { StoreRetryAfter = TimeSpan.FromSeconds(30) });

        queue.OnBatchFailed(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(10));
        var refusing = queue.CannotKeep(_time.GetUtcNow(), out var retryAfter);
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(refusing);
        Assert.Equal(TimeSpan.FromSeconds(20), retryAfter);
        Assert.False(queue.CannotKeep(_time.GetUtcNow(), out _));
    }

    [Fact]
    public void A_stored_batch_ends_the_refusal_at_once()
    {
        var queue = Queue(new TrackingOptions());

        queue.OnBatchFailed(_time.GetUtcNow());
        queue.OnBatchStored();

        Assert.False(queue.CannotKeep(_time.GetUtcNow(), out _));
    }

    [Fact]
    public void A_full_queue_cannot_keep_another_event()
    {
        var queue = Queue(new TrackingOptions { QueueCapacity = 1 });

        var empty = queue.CannotKeep(_time.GetUtcNow(), out _);
        queue.TryEnqueue(new QueuedEvent(new JourneyEvent("anna", _time.GetUtcNow(), JourneyEventType.View, "en/pricing"), []));

        Assert.False(empty);
        Assert.True(queue.CannotKeep(_time.GetUtcNow(), out _));
    }

    [Fact]
    public async Task Waiting_for_the_writer_ends_when_every_event_queued_before_is_stored_or_dropped_not_before()
    {
        using var metrics = new TrackingMetrics(_services.GetRequiredService<IMeterFactory>());
        var nothingQueued = metrics.WhenSettledAsync(CancellationToken.None);
        metrics.OnQueued();
        metrics.OnQueued();
        metrics.OnQueued();
        metrics.OnDropped();
        var threeQueued = metrics.WhenSettledAsync(CancellationToken.None);

        metrics.OnWritten(2);
        var afterTwo = threeQueued.IsCompleted;
        metrics.OnBatchDropped(1);
        await threeQueued;

        Assert.True(nothingQueued.IsCompletedSuccessfully);
        Assert.False(afterTwo);
        Assert.Equal((3, 2, 2), (metrics.Queued, metrics.Written, metrics.Dropped));
    }

    public void Dispose() => _services.Dispose();

    private JourneyEventQueue Queue(TrackingOptions options) =>
        new(Options.Create(options), new TrackingMetrics(_services.GetRequiredService<IMeterFactory>()));
}
