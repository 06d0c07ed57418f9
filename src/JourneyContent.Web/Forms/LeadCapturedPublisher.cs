using JourneyContent.Leads;
using Microsoft.Extensions.Logging;

namespace JourneyContent.Web.Forms;

/// <summary>Tells the site's <see cref="ILeadCapturedHandler"/>s (the Umbraco notification, a site's own; the CRM webhook is already in the outbox, committed with the lead) about a committed lead.</summary>
/// <remarks>The lead is stored and the visitor thanked whatever a handler does: a failing handler is logged, not thrown.</remarks>
public sealed class LeadCapturedPublisher(IEnumerable<ILeadCapturedHandler> handlers, ILogger<LeadCapturedPublisher> logger)
{
    /// <summary>Runs every handler in turn.</summary>
    public async Task PublishAsync(LeadCaptured notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Handler} failed on lead {LeadId}", handler.GetType().Name, notification.Lead.Id);
            }
        }
    }
}
