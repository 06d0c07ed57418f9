using JourneyContent.Leads;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JourneyContent.Web.Scheduling;

namespace JourneyContent.Web.Forms;

/// <summary>Erases a lead everywhere it is stored: the lead store (with its mail and webhook messages, in one transaction), then the files of the <see cref="ILeadErasureParticipant"/>s.</summary>
public sealed class LeadEraser(ILeadStore leads, IEnumerable<ILeadErasureParticipant> participants, TimeProvider time)
{
    /// <summary>Erases one lead; false when unknown or already erased.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="byUser">Who asked (a back-office user, or <c>system</c> for retention).</param>
    /// <param name="action"><c>erase</c> or <c>retention</c>, for the privacy audit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<bool> EraseAsync(string leadId, string byUser, string action, CancellationToken cancellationToken)
    {
        var erased = await leads.EraseAsync(leadId, byUser, action, time.GetUtcNow(), cancellationToken);
        // Also when already erased: asking again is how a failed file deletion is completed.
        foreach (var participant in participants)
        {
            await participant.EraseLeadAsync(leadId, cancellationToken);
        }

        return erased;
    }
}

/// <summary>Erases leads inactive for <see cref="GatedFormOptions.RetentionMonths"/> months, once at start and then daily.</summary>
public sealed class LeadRetention(LeadEraser eraser, ILeadStore leads, IOptions<GatedFormOptions> options, TimeProvider time, IBackgroundWorkGate gate, JourneyContent.Scheduling.IExclusiveWork exclusive, ILogger<LeadRetention> logger)
    : BackgroundService
{
    private readonly BackgroundWorkTurn _turn = new(gate, exclusive, logger, "Lead retention");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var months = options.Value.RetentionMonths;
        if (months <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One server erases, one instance at a time: the others' passes would find nothing left to do anyway.
                await using var lease = await _turn.TryBeginAsync(stoppingToken);
                if (lease is not null)
                {
                    await RunOnceAsync(months, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The retention run failed; it runs again in a day");
            }

            await Task.Delay(TimeSpan.FromDays(1), time, stoppingToken);
        }
    }

    /// <summary>Erases the leads inactive for <paramref name="months"/> months now; returns how many.</summary>
    public async Task<int> RunOnceAsync(int months, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-months);
        var erased = 0;
        foreach (var id in await leads.InactiveSinceAsync(cutoff, cancellationToken))
        {
            if (await eraser.EraseAsync(id, "system", "retention", cancellationToken))
            {
                erased++;
            }
        }

        if (erased > 0)
        {
            logger.LogInformation("Retention erased {Count} lead(s) inactive since {Cutoff:yyyy-MM-dd}", erased, cutoff);
        }

        return erased;
    }
}
