using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Leads;
using JourneyContent.StageLocks;
using JourneyContent.Tracking;

namespace JourneyContent.Web.Leads;

/// <summary>
/// Everything a marketer sees about one lead, for both back offices (the standalone site's lead page and the Umbraco
/// API): the stored record, where inference places the lead and why, the stage lock and its history, the timeline.
/// </summary>
/// <param name="Record">Everything stored about the lead.</param>
/// <param name="Estimate">The estimate of the lead's most recently active visitor; null without one.</param>
/// <param name="Lock">The lock holding now; null when none.</param>
/// <param name="LockHistory">The lead's lock and unlock audit entries, newest first.</param>
/// <param name="Timeline">Stage changes and events (impressions left out), oldest first.</param>
public sealed record LeadDossier(LeadRecord Record, StageEstimate? Estimate, StageLock? Lock, IReadOnlyList<PrivacyAuditEntry> LockHistory, IReadOnlyList<LeadTimelineEntry> Timeline)
{
    /// <summary>Builds the dossier of <paramref name="record"/>.</summary>
    public static async Task<LeadDossier> CreateAsync(LeadRecord record, StageLocking locking, ILeadStore leads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(locking);
        ArgumentNullException.ThrowIfNull(leads);
        var history = (await leads.PrivacyAuditAsync(record.Lead.Id, 200, cancellationToken))
            .Where(a => a.Action is StageLocking.LockAction or StageLocking.UnlockAction)
            .ToList();
        return new LeadDossier(record, await locking.EstimateAsync(record), await locking.ActiveAsync(record.Lead.Id, cancellationToken), history, LeadTimelineEntry.Of(record));
    }
}

/// <summary>One line of a lead's timeline: a stage change, or an event of one of the lead's visitors.</summary>
/// <param name="At">When.</param>
/// <param name="Kind"><c>stage</c> for a stage change; otherwise the event type's key (<c>view</c>, <c>download</c>…).</param>
/// <param name="Stage">The stage moved to (stage changes).</param>
/// <param name="FromStage">The stage moved from (stage changes; null for the first).</param>
/// <param name="Reason">Why the stage changed (stage changes).</param>
/// <param name="ContentId">The content item of the event, if any.</param>
/// <param name="DeclaredStage">The stage the visitor declared (declared-stage events).</param>
public sealed record LeadTimelineEntry(DateTimeOffset At, string Kind, string? Stage, string? FromStage, string? Reason, string? ContentId, string? DeclaredStage)
{
    /// <summary>The timeline of <paramref name="record"/>: impressions of calls to action are left out, as noise.</summary>
    public static IReadOnlyList<LeadTimelineEntry> Of(LeadRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.StageHistory.Select(h => new LeadTimelineEntry(h.At, "stage", h.To, h.From, h.Reason, null, null))
            .Concat(record.Events.Where(e => e.Type is not JourneyEventType.CtaImpression)
                .Select(e => new LeadTimelineEntry(e.Timestamp, JourneyEventTypes.Key(e.Type), null, null, null, e.Content, e.DeclaredStage)))
            .OrderBy(e => e.At)];
    }
}

/// <summary>The right of access: everything stored about a lead as one JSON document, audited when taken.</summary>
public static class LeadExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Records the export in the privacy audit and returns the document's bytes.</summary>
    public static async Task<byte[]> CreateAsync(ILeadStore leads, LeadRecord record, string byUser, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Lead.Id;
        await leads.AuditAsync(id, "export", byUser, now, null, cancellationToken);
        var export = new
        {
            exportedAt = now,
            lead = record.Lead,
            consents = record.Consents,
            visitorIds = record.Visitors,
            downloads = record.Downloads,
            stageHistory = record.StageHistory,
            notes = await leads.NotesAsync(id, cancellationToken),
            events = record.Events.Select(e => new { at = e.Timestamp, type = JourneyEventTypes.Key(e.Type), content = e.Content, declaredStage = e.DeclaredStage }),
            privacyAudit = await leads.PrivacyAuditAsync(id, 1000, cancellationToken),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }

    /// <summary>The file name of a lead's export.</summary>
    public static string FileName(string leadId) => $"lead-{leadId}.json";
}
