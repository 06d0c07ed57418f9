using JourneyContent.Inference;
using JourneyContent.Leads;
using JourneyContent.StageLocks;
using JourneyContent.Web.Leads;

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

/// <summary>The lead page: the lead's dossier (record, estimate, lock, history, timeline) and the stage-lock form.</summary>
/// <param name="Dossier">What both back offices show about the lead.</param>
/// <param name="Form">The stage-lock form's values.</param>
/// <param name="Errors">Field → message key of a refused form; empty otherwise.</param>
public sealed record LeadPage(LeadDossier Dossier, StageLockForm Form, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Everything stored about the lead.</summary>
    public LeadRecord Record => Dossier.Record;

    /// <summary>The estimate of the lead's most recently active visitor; null without one.</summary>
    public StageEstimate? Estimate => Dossier.Estimate;

    /// <summary>The lock holding now; null when none.</summary>
    public StageLock? Lock => Dossier.Lock;

    /// <summary>The lead's lock and unlock audit entries, newest first.</summary>
    public IReadOnlyList<PrivacyAuditEntry> LockHistory => Dossier.LockHistory;

    /// <summary>The marketers' notes on the lead, newest first.</summary>
    public IReadOnlyList<LeadNote> Notes { get; init; } = [];

    /// <summary>The note as typed, when a note was refused; empty otherwise.</summary>
    public string NoteText { get; init; } = string.Empty;

    /// <summary>The message key of a refused note; null otherwise.</summary>
    public string? NoteError { get; init; }

    /// <summary>Builds the page of <paramref name="record"/>.</summary>
    public static async Task<LeadPage> CreateAsync(LeadRecord record, StageLocking locking, ILeadStore leads, StageLockForm form, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(leads);
        return new(await LeadDossier.CreateAsync(record, locking, leads, cancellationToken), form, errors)
        {
            Notes = await leads.NotesAsync(record.Lead.Id, cancellationToken),
        };
    }
}
