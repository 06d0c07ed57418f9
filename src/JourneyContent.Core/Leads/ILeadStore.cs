namespace JourneyContent.Leads;

/// <summary>Where leads live: SQLite in the standalone site, PostgreSQL for larger sites.</summary>
/// <remarks>A capture is committed before the visitor is thanked; every method either completes or changes nothing.</remarks>
public interface ILeadStore
{
    /// <summary>
    /// Creates the lead or updates the one with the same email, with its consent, visitor, download request, stage and the
    /// outbox messages composed by <see cref="LeadCapture.Messages"/>, in one transaction.
    /// </summary>
    Task<LeadCaptureResult> CaptureAsync(LeadCapture capture, CancellationToken cancellationToken);

    /// <summary>The lead with this id (erased ones included), or null.</summary>
    Task<Lead?> FindAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>The lead with this normalised email, or null.</summary>
    Task<Lead?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The lead a visitor id was merged into, or null.</summary>
    Task<Lead?> FindByVisitorAsync(string visitorId, CancellationToken cancellationToken);

    /// <summary>True when the lead already agreed to this version of the consent text.</summary>
    Task<bool> HasConsentedAsync(string leadId, string version, CancellationToken cancellationToken);

    /// <summary>Records that the lead confirmed their address (double opt-in).</summary>
    Task ConfirmEmailAsync(string leadId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a use of a download link.</summary>
    Task RecordDownloadAsync(string leadId, string contentId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Links <paramref name="visitorId"/> to the lead (a device the lead used), and returns the lead's other visitor ids
    /// when the link is new; an empty list when it was already there.
    /// </summary>
    Task<IReadOnlyList<string>> LinkVisitorAsync(string leadId, string visitorId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves leads whose visitors changed stage; returns the leads whose stage changed.</summary>
    Task<IReadOnlyList<LeadStageUpdate>> ApplyVisitorStagesAsync(IReadOnlyList<(string VisitorId, string Stage, DateTimeOffset At)> stages, CancellationToken cancellationToken);

    /// <summary>Everything stored about a lead, or null when unknown.</summary>
    Task<LeadRecord?> RecordAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>A page of leads, in the query's order (newest first by default), and how many match.</summary>
    Task<(IReadOnlyList<Lead> Leads, int Total)> ListAsync(LeadQuery query, CancellationToken cancellationToken);

    /// <summary>Adds a marketer's note to a lead that is not erased, audited (action <c>note</c>) in the same transaction; false when there is no such lead.</summary>
    Task<bool> AddNoteAsync(string leadId, LeadNote note, CancellationToken cancellationToken);

    /// <summary>The lead's notes, newest first.</summary>
    Task<IReadOnlyList<LeadNote>> NotesAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>For each of these leads that asked for a gated asset, the content id of the last one asked for.</summary>
    Task<IReadOnlyDictionary<string, string>> LatestAssetsAsync(IReadOnlyList<string> leadIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a lead's personal data (contact fields, consents, the link to its visitors, the addresses and bodies of its
    /// mail and webhook messages, whose pending ones are never sent) and anonymises its visitors' events (they keep their
    /// content and time, under a new random visitor id), and audits it, all in one transaction; false when unknown or already erased.
    /// </summary>
    /// <remarks>Files outside the store (mail in a pickup folder) are erased by the <see cref="ILeadErasureParticipant"/>s.</remarks>
    Task<bool> EraseAsync(string leadId, string byUser, string action, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Leads not erased whose last activity is before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<string>> InactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Appends to the privacy audit (exports; erasures audit themselves).</summary>
    Task AuditAsync(string leadId, string action, string byUser, DateTimeOffset at, string? detail, CancellationToken cancellationToken);

    /// <summary>The privacy audit, newest first, for one lead or all.</summary>
    Task<IReadOnlyList<PrivacyAuditEntry>> PrivacyAuditAsync(string? leadId, int limit, CancellationToken cancellationToken);
}

/// <summary>One privacy operation.</summary>
/// <param name="LeadId">Whose data.</param>
/// <param name="Action"><c>export</c>, <c>erase</c> or <c>retention</c>.</param>
/// <param name="ByUser">Who (a back-office user, or <c>system</c>).</param>
/// <param name="At">When.</param>
/// <param name="Detail">What, in a few words.</param>
public sealed record PrivacyAuditEntry(string LeadId, string Action, string ByUser, DateTimeOffset At, string? Detail);
