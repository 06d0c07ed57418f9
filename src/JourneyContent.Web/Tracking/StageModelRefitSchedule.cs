using JourneyContent.Inference;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JourneyContent.Web.Scheduling;

namespace JourneyContent.Web.Tracking;

/// <summary>How often the stage model is re-fitted on the stored history: <c>JourneyContent:Inference:Refit</c>.</summary>
public sealed class StageModelRefitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "JourneyContent:Inference:Refit";

    /// <summary>The shortest interval accepted: a fit reads the whole history.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromHours(1);

    /// <summary>The time between two fits, or null (the default) for no schedule.</summary>
    public TimeSpan? Interval { get; set; }
}

/// <summary>Re-fits the stage model on the stored history every <see cref="StageModelRefitOptions.Interval"/>, when one is set.</summary>
/// <remarks>
/// Off by default: a site decides when its history is worth learning from, and a fit takes a core for seconds to minutes.
/// The first fit is one interval after start, not at start, so that restarts do not re-fit. A failed fit is logged and the
/// model in force stays; the next interval tries again. On several instances each runs its own schedule (issue 17 puts
/// scheduled work on one instance).
/// </remarks>
public sealed class StageModelRefitSchedule(StageModelTraining training, IOptions<StageModelRefitOptions> options, TimeProvider time, IBackgroundWorkGate gate, JourneyContent.Scheduling.IExclusiveWork exclusive, ILogger<StageModelRefitSchedule> logger) : BackgroundService
{
    private readonly BackgroundWorkTurn _turn = new(gate, exclusive, logger, "The scheduled stage-model fit");

    private PeriodicTimer? _timer;

    /// <summary>Raised after each scheduled fit, fitted or not (tests and diagnostics wait on it instead of the clock).</summary>
    public event Action<StageModelTrainingResult>? Ran;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer starts with the host, not when ExecuteAsync gets a thread, so the first fit is one interval after start.
        if (options.Value.Interval is { } interval)
        {
            _timer = new PeriodicTimer(interval, time);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // One instance fits; the others pick the saved model up as they start.
            await using var lease = await _turn.TryBeginAsync(stoppingToken).ConfigureAwait(false);
            if (lease is null)
            {
                continue;
            }

            try
            {
                var result = await training.FitStoredHistoryAsync(null, stoppingToken).ConfigureAwait(false);
                if (result.Fitted)
                {
                    logger.LogInformation("The stage model was re-fitted on {Events} events of {Visitors} visitors and put in force ({Path})", result.History!.Events, result.History.Visitors.Count, result.SavedTo);
                }
                else
                {
                    logger.LogInformation("The scheduled stage-model fit kept the model in force: {Reason}", result.Report?.Reason ?? result.Refusal.ToString());
                }

                Ran?.Invoke(result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduled stage-model fit failed; the model in force stays");
            }
        }
    }
}
