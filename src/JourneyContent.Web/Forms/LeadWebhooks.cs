using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Web.Webhooks;
using JourneyContent.Webhooks;

namespace JourneyContent.Web.Forms;

/// <summary>Sends the CRM webhooks: <c>lead.captured</c> after each accepted form, <c>lead.stage_changed</c> when a lead's stage moves.</summary>
/// <remarks>
/// Both only write to the webhook outbox; the dispatcher posts them in the background. A lead's stage moves when the
/// form itself changes it, or when one of its visitors' stage changes (stored transitions, off the request path).
/// </remarks>
public sealed class LeadWebhooks(WebhookPublisher publisher, ILeadStore leads) : ILeadCapturedHandler, IStageTransitionObserver
{
    /// <inheritdoc />
    public async Task HandleAsync(LeadCaptured notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var lead = notification.Lead;
        await publisher.PublishAsync(WebhookEvents.LeadCaptured, new
        {
            leadId = lead.Id,
            isNew = notification.IsNew,
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
            contentId = notification.ContentId,
            source = lead.Source,
        }, lead.Id, cancellationToken);
        if (notification.StageChange is { } change)
        {
            await PublishStageAsync(lead, change, cancellationToken);
        }
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
        publisher.PublishAsync(WebhookEvents.StageChanged, new
        {
            leadId = lead.Id,
            email = lead.Email,
            from = change.From,
            to = change.To,
            at = change.At,
            reason = change.Reason,
        }, lead.Id, cancellationToken);
}
