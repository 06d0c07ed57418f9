using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>
/// Runs <see cref="JourneyCompositionInstaller"/> when Umbraco starts at <see cref="RuntimeLevel.Run"/> (not while it
/// is being installed or upgraded), on the server that does background work (<see cref="JourneyCompositionInstallSchedule"/>),
/// and logs what it did.
/// </summary>
/// <remarks>
/// A failure is logged as an error and the site starts anyway: the composition is a convenience for editors, not
/// something visitors need. The installer is resolved inside the guarded block, so that a dependency that cannot be
/// built is reported the same way, and is not built at all below <see cref="RuntimeLevel.Run"/>.
/// </remarks>
internal sealed class JourneyCompositionStartingHandler(IServiceProvider services, ILogger<JourneyCompositionStartingHandler> logger)
    : INotificationAsyncHandler<UmbracoApplicationStartingNotification>
{
    public async Task HandleAsync(UmbracoApplicationStartingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.RuntimeLevel != RuntimeLevel.Run)
        {
            logger.LogDebug("JourneyContent: the Journey composition is not installed while Umbraco runs at level {RuntimeLevel}.", notification.RuntimeLevel);
            return;
        }

        try
        {
            // On a load-balanced site one server installs (the schedule waits for this server's turn if it has none yet).
            var report = await services.GetRequiredService<JourneyCompositionInstallSchedule>().InstallOrDeferAsync(cancellationToken);
            if (report is null)
            {
                return;
            }

            if (report.HasChanges || report.Skipped.Count > 0)
            {
                logger.LogInformation(
                    "JourneyContent: Journey composition and data types: {Summary}. {Details}",
                    report,
                    string.Join("; ", report.Items.Where(i => i.Outcome != InstallOutcome.Unchanged)));
            }
            else
            {
                logger.LogDebug("JourneyContent: the Journey composition and its data types are up to date ({Summary}).", report);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("JourneyContent: the Journey composition install was cancelled because the site is stopping.");
        }
        catch (Exception e)
        {
            logger.LogError(e, "JourneyContent: the Journey composition could not be installed; the site starts without the changes. Fix the cause and restart.");
        }
    }
}
