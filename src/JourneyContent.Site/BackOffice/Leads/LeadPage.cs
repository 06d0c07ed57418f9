using JourneyContent.Inference;
using JourneyContent.Leads;
using JourneyContent.StageLocks;

namespace JourneyContent.Site.BackOffice.Leads;

/// <summary>What the stage-lock form sent back, kept as typed so that a refused form shows the marketer's own input.</summary>
/// <param name="Stage">The stage key picked.</param>
/// <param name="Duration">A number of days (7, 30, 90 are offered) or <c>date</c> for <see cref="Until"/>.</param>
/// <param name="Until">The last day of the lock (<c>yyyy-MM-dd</c>, UTC) when <see cref="Duration"/> is <c>date</c>.</param>
/// <param name="Reason">Why; optional.</param>
public sealed record StageLockForm(string? Stage, string? Duration, string? Until, string? Reason)
{
    /// <summary>The form as first shown.</summary>
    public static StageLockForm Empty { get; } = new(null, "30", null, null);
}

/// <summary>The lead page: the record, where the lead stands (probabilities, explanation, lock) and the stage-lock form.</summary>
/// <param name="Record">Everything stored about the lead.</param>
/// <param name="Estimate">The estimate of the lead's most recently active visitor; null without one.</param>
/// <param name="Lock">The lock holding now; null when none.</param>
/// <param name="LockHistory">The lead's lock and unlock audit entries, newest first.</param>
/// <param name="Form">The stage-lock form's values.</param>
/// <param name="Errors">Field → message key of a refused form; empty otherwise.</param>
public sealed record LeadPage(LeadRecord Record, StageEstimate? Estimate, StageLock? Lock, IReadOnlyList<PrivacyAuditEntry> LockHistory, StageLockForm Form, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Builds the page of <paramref name="record"/>.</summary>
    public static async Task<LeadPage> CreateAsync(LeadRecord record, StageLocking locking, ILeadStore leads, StageLockForm form, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(locking);
        ArgumentNullException.ThrowIfNull(leads);
        var history = (await leads.PrivacyAuditAsync(record.Lead.Id, 200, cancellationToken))
            .Where(a => a.Action is StageLocking.LockAction or StageLocking.UnlockAction)
            .ToList();
        return new LeadPage(record, await locking.EstimateAsync(record), await locking.ActiveAsync(record.Lead.Id, cancellationToken), history, form, errors);
    }
}
