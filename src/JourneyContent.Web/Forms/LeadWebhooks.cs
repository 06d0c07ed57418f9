using JourneyContent.Delivery;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Web.Webhooks;
using JourneyContent.Webhooks;

namespace JourneyContent.Web.Forms;

/// <summary>Composes the CRM webhooks: <c>lead.captured</c> with each accepted form, <c>lead.stage_changed</c> when a lead's stage moves.</summary>
/// <remarks>
/// Both only write to the outbox; the outbox worker posts them in the background. The captured lead's webhooks (and the
/// stage change the form itself caused) are composed inside the capture's transaction (<see cref="ILeadCaptureMessages"/>),
/// so a stored lead always has its webhook and a rolled-back one never does. A lead's stage also moves when one of its
/// visitors' stage changes (stored transitions, off the request path); those are queued when the transitions are stored.
/// </remarks>
public sealed class LeadWebhooks(WebhookPublisher publisher, ILeadStore leads) : ILeadCaptureMessages, IStageTransitionObserver
{
    /// <inheritdoc />
    public IReadOnlyList<OutboxMessage> Compose(LeadCaptured captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        var lead = captured.Lead;
        var messages = new List<OutboxMessage>(2);
        if (publisher.Compose(WebhookEvents.LeadCaptured, new
        {
            leadId = lead.Id,
            isNew = captured.IsNew,
            email = lead.Email,
            firstName = lead.Profile.FirstName,
            lastName = lead.Profile.LastName,
            company = lead.Profile.Company,
            jobTitle = lead.Profile.JobTitle,
            companySize = lead.Profile.CompanySize,
            country = lead.Profile.Country,
            phone = lead.Profile.Phone,
            language = lead.Language,
            stage = lead.Stage,
            declaredStage = lead.DeclaredStage,
            contentId = captured.ContentId,
            source = lead.Source,
        }, lead.Id) is { } message)
        {
            messages.Add(message);
        }

        if (captured.StageChange is { } change && publisher.Compose(WebhookEvents.StageChanged, StagePayload(lead, change), lead.Id) is { } stage)
        {
            messages.Add(stage);
        }

        return messages;
    }

    /// <inheritdoc />
    public async Task OnStoredAsync(IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        // Only each visitor's last stage of the batch matters to their lead.
        var latest = transitions
            .GroupBy(t => t.VisitorId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.At).Last())
            .Select(t => (t.VisitorId, t.ToStage, t.At))
            .ToList();
        foreach (var update in await leads.ApplyVisitorStagesAsync(latest, cancellationToken))
        {
            if (await leads.FindAsync(update.LeadId, cancellationToken) is { } lead)
            {
                await PublishStageAsync(lead, update.Change, cancellationToken);
            }
        }
    }

    private Task<bool> PublishStageAsync(Lead lead, LeadStageChange change, CancellationToken cancellationToken) =>
        publisher.PublishAsync(WebhookEvents.StageChanged, StagePayload(lead, change), lead.Id, cancellationToken);

    private static object StagePayload(Lead lead, LeadStageChange change) => new
    {
        leadId = lead.Id,
        email = lead.Email,
        from = change.From,
        to = change.To,
        at = change.At,
        reason = change.Reason,
    };
}
