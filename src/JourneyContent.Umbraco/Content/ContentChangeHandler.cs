using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;

namespace JourneyContent.Umbraco.Content;

/// <summary>The notifications that keep the catalogue current.</summary>
internal static class ContentNotifications
{
    /// <summary>Wires <see cref="ContentChangeHandler"/> to every notification after which the catalogue is rebuilt.</summary>
    public static IUmbracoBuilder AddContentChangeHandlers(this IUmbracoBuilder builder) => builder
        .AddNotificationHandler<UmbracoApplicationStartedNotification, ContentChangeHandler>()
        .AddNotificationHandler<ContentPublishedNotification, ContentChangeHandler>()
        .AddNotificationHandler<ContentUnpublishedNotification, ContentChangeHandler>()
        .AddNotificationHandler<ContentMovedToRecycleBinNotification, ContentChangeHandler>()
        .AddNotificationHandler<ContentDeletedNotification, ContentChangeHandler>()
        .AddNotificationHandler<ContentCacheRefresherNotification, ContentChangeHandler>();
}

/// <summary>Asks <see cref="UmbracoContentSource"/> for a rebuild when the site starts and whenever published content changes.</summary>
/// <remarks>
/// Every change asks, not only changes to journey documents: renaming or moving any page can change the URLs of the
/// journey documents below it. Requests are cheap and coalesced by the source. The handler never throws into
/// Umbraco's save operation: a failure is logged and the catalogue catches up on the next change.
/// On a load-balanced site the content notifications fire only on the server where the editor worked; the content
/// cache refresher's notification reaches every server once its published cache is refreshed, so each rebuilds too.
/// </remarks>
internal sealed class ContentChangeHandler(UmbracoContentSource source, IRuntimeState runtime, ILogger<ContentChangeHandler> logger) :
    INotificationHandler<UmbracoApplicationStartedNotification>,
    INotificationHandler<ContentPublishedNotification>,
    INotificationHandler<ContentUnpublishedNotification>,
    INotificationHandler<ContentMovedToRecycleBinNotification>,
    INotificationHandler<ContentDeletedNotification>,
    INotificationHandler<ContentCacheRefresherNotification>
{
    public void Handle(UmbracoApplicationStartedNotification notification)
    {
        // While Umbraco installs or upgrades there is no published content to read yet; the first publish loads it.
        if (runtime.Level != RuntimeLevel.Run)
        {
            logger.LogInformation("Umbraco started at runtime level {Level}; JourneyContent's catalogue loads after the first publish", runtime.Level);
            return;
        }

        RequestRefresh(notification);
    }

    public void Handle(ContentPublishedNotification notification) => RequestRefresh(notification);

    public void Handle(ContentUnpublishedNotification notification) => RequestRefresh(notification);

    public void Handle(ContentMovedToRecycleBinNotification notification) => RequestRefresh(notification);

    public void Handle(ContentDeletedNotification notification) => RequestRefresh(notification);

    public void Handle(ContentCacheRefresherNotification notification) => RequestRefresh(notification);

    private void RequestRefresh(INotification notification)
    {
        try
        {
            source.Refresh();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scheduling a rebuild of JourneyContent's catalogue after {Notification} failed", notification.GetType().Name);
        }
    }
}
