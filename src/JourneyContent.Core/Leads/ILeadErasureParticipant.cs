namespace JourneyContent.Leads;

/// <summary>Erases a lead's personal data kept outside the lead store (for example mail files in a pickup folder).</summary>
/// <remarks>
/// Called after the store's erasure committed, and again whenever an erasure is asked for a lead already erased, so an
/// implementation must be idempotent: a failure is fixed by asking for the erasure again.
/// </remarks>
public interface ILeadErasureParticipant
{
    /// <summary>Deletes what this participant holds about <paramref name="leadId"/>; returns how many items it deleted.</summary>
    Task<int> EraseLeadAsync(string leadId, CancellationToken cancellationToken);
}
