using JourneyContent.Inference;
using JourneyContent.Leads;
using JourneyContent.Tracking;

namespace JourneyContent.StageLocks;

/// <summary>What a marketer asks for when locking a lead's stage.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="Stage">The stage key to hold.</param>
/// <param name="Until">When the lock ends (UTC, exclusive); null when the form gave none.</param>
/// <param name="Reason">Why; optional.</param>
/// <param name="ByUser">The back-office user.</param>
public sealed record StageLockRequest(string LeadId, string? Stage, DateTimeOffset? Until, string? Reason, string ByUser);

/// <summary>The outcome of a lock request: the lock set, or why not, field by field.</summary>
/// <param name="Lock">The lock set; null when refused.</param>
/// <param name="LeadFound">False when the lead is unknown or erased.</param>
/// <param name="Errors">Field name → message key (see <see cref="StageLocking"/>); empty when the lock was set.</param>
public sealed record StageLockOutcome(StageLock? Lock, bool LeadFound, IReadOnlyDictionary<string, string> Errors);

/// <summary>Locks and unlocks a lead's stage from the back office: validates, persists, audits, and tells the live journeys.</summary>
/// <remarks>
/// <para>Error keys, localised by the host: <c>StageLock.UnknownStage</c> (field <c>Stage</c>), <c>StageLock.MissingExpiry</c>,
/// <c>StageLock.PastExpiry</c> and <c>StageLock.TooLong</c> (field <c>Until</c>), <c>StageLock.ReasonTooLong</c> (field <c>Reason</c>).</para>
/// <para>The expiry is checked against <see cref="TimeProvider"/>; at most <see cref="MaxDuration"/> ahead, so that a
/// forgotten lock cannot hide a lead from inference for good.</para>
/// </remarks>
public sealed class StageLocking(IStageLockStore locks, ILeadStore leads, VisitorJourneys journeys, TimeProvider time)
{
    /// <summary>The longest lock.</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(365);

    /// <summary>The privacy-audit action of a lock set (<see cref="PrivacyAuditEntry.Action"/>).</summary>
    public const string LockAction = "stage_lock";

    /// <summary>The privacy-audit action of a lock removed before it ended.</summary>
    public const string UnlockAction = "stage_unlock";

    /// <summary>The longest reason, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The lead's lock if it holds now, else null.</summary>
    public async Task<StageLock?> ActiveAsync(string leadId, CancellationToken cancellationToken)
    {
        var stored = await locks.ForLeadAsync(leadId, cancellationToken);
        return stored is not null && stored.IsActiveAt(time.GetUtcNow()) ? stored : null;
    }

    /// <summary>Validates and sets a lock; a refused request changes nothing.</summary>
    public async Task<StageLockOutcome> LockAsync(StageLockRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var lead = await leads.RecordAsync(request.LeadId, cancellationToken);
        if (lead is null || lead.Lead.IsErased)
        {
            return new StageLockOutcome(null, false, new Dictionary<string, string>());
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var stage = journeys.Engine.Model.Stages.FindStage(request.Stage);
        if (stage is null)
        {
            errors["Stage"] = "StageLock.UnknownStage";
        }

        if (request.Until is not { } until)
        {
            errors["Until"] = "StageLock.MissingExpiry";
        }
        else if (until <= now)
        {
            errors["Until"] = "StageLock.PastExpiry";
        }
        else if (until - now > MaxDuration)
        {
            errors["Until"] = "StageLock.TooLong";
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            errors["Reason"] = "StageLock.ReasonTooLong";
        }

        if (errors.Count > 0)
        {
            return new StageLockOutcome(null, true, errors);
        }

        var stageLock = new StageLock(request.LeadId, stage!.Key, now, request.Until!.Value.ToUniversalTime(), request.ByUser, reason);
        if (!await locks.LockAsync(stageLock, cancellationToken))
        {
            return new StageLockOutcome(null, false, errors);
        }

        await journeys.ApplyLockAsync(lead.Visitors, stageLock);
        return new StageLockOutcome(stageLock, true, errors);
    }

    /// <summary>Removes the lead's lock before it ends; inference decides again at once. False when there was none.</summary>
    public async Task<bool> UnlockAsync(string leadId, string byUser, CancellationToken cancellationToken)
    {
        var lead = await leads.RecordAsync(leadId, cancellationToken);
        if (lead is null)
        {
            return false;
        }

        // The latest visitor is brought into memory (with its stored lock) before the lock is lifted there, so that the
        // estimate asked next is inference's own: the stage the lead returns to.
        var now = time.GetUtcNow();
        var latest = LatestVisitor(lead);
        if (latest is not null)
        {
            await journeys.EstimateAsync(latest, now);
        }

        await journeys.ApplyLockAsync(lead.Visitors, null);
        var inferred = latest is null ? null : (await journeys.EstimateAsync(latest, now)).Stage?.Key;
        try
        {
            return await locks.UnlockAsync(leadId, byUser, now, inferred, cancellationToken) is not null;
        }
        catch
        {
            // The lock is still stored: let the visitors be rebuilt with it rather than stay unlocked in memory only.
            foreach (var visitor in lead.Visitors)
            {
                journeys.Forget(visitor);
            }

            throw;
        }
    }

    /// <summary>
    /// Where the lead stands now: the estimate (lock included) of its most recently active visitor, whose transitions are
    /// the ones that last moved the lead; null when the lead has no visitor.
    /// </summary>
    public async Task<StageEstimate?> EstimateAsync(LeadRecord lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return LatestVisitor(lead) is { } latest ? await journeys.EstimateAsync(latest, time.GetUtcNow()) : null;
    }

    private static string? LatestVisitor(LeadRecord lead) =>
        lead.Events.Count > 0 ? lead.Events.MaxBy(e => e.Timestamp).VisitorId : lead.Visitors.LastOrDefault();
}
