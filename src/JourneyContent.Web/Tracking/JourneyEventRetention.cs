using JourneyContent.Journeys;
using JourneyContent.Scheduling;
using JourneyContent.Web.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tracking;

/// <summary>
/// Removes tracked events and stage transitions older than <see cref="TrackingOptions.EventRetentionMonths"/>, at start
/// and then daily, on one instance at a time.
/// </summary>
public sealed partial class JourneyEventRetention(
    IJourneyStore store, IOptions<TrackingOptions> options, TimeProvider time, IBackgroundWorkGate gate, IExclusiveWork exclusive, ILogger<JourneyEventRetention> logger)
    : BackgroundService
{
    private readonly BackgroundWorkTurn _turn = new(gate, exclusive, logger, "Event retention");

    /// <summary>Raised after each scheduled pass with the events it removed (tests wait on it instead of the clock).</summary>
    public event Action<long>? Ran;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EventRetentionMonths <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await _turn.TryBeginAsync(stoppingToken);
                if (lease is not null)
                {
                    Ran?.Invoke(await RunOnceAsync(stoppingToken));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(TimeSpan.FromDays(1), time, stoppingToken);
        }
    }

    /// <summary>Removes what is older than the retention now; returns how many events went (0 when retention is off).</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.EventRetentionMonths;
        if (months <= 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().AddMonths(-months);
        var removed = await store.RemoveBeforeAsync(cutoff, cancellationToken);
        if (removed > 0)
        {
            LogRemoved(removed, cutoff);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention removed {Count} event(s) older than {Cutoff:yyyy-MM-dd}")]
    private partial void LogRemoved(long count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event retention failed; it runs again in a day")]
    private partial void LogFailed(Exception error);
}
