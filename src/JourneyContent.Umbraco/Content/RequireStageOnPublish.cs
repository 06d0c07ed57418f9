using JourneyContent.Umbraco.DocumentTypes;
using JourneyContent.Web;
using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Content;

/// <summary>
/// When <see cref="JourneyContentOptions.RequireStage"/> is on, cancels the publishing of a journey document that has
/// no stage in a culture being published, with a message in the editor's language.
/// </summary>
/// <remarks>
/// <para>A document is journey content when its type is, or is composed of, the <c>journey</c> composition. An
/// <see cref="IContent"/> only carries an <see cref="ISimpleContentType"/>, which knows no compositions, so the full
/// type comes from <see cref="IContentTypeService"/> (cached by Umbraco); a type the service does not know is judged
/// by the presence of the stage property.</para>
/// <para>The stage property may be invariant in a culture-variant document: an invariant stage is checked once, a
/// variant one in each culture being published (or, when Umbraco marks none, each published culture).</para>
/// <para>An unexpected failure is logged and lets the publish go on: a bug here must not lock editors out.</para>
/// </remarks>
internal sealed class RequireStageOnPublish(
    IOptionsMonitor<JourneyContentOptions> options,
    IContentTypeService contentTypes,
    IStringLocalizer<SharedStrings> strings,
    ILogger<RequireStageOnPublish> logger) : INotificationHandler<ContentPublishingNotification>
{
    /// <summary>The resource key of the error's title.</summary>
    internal const string TitleKey = "PublishStageRequiredTitle";

    /// <summary>The resource key of the error's message; <c>{0}</c> is the document's name.</summary>
    internal const string MessageKey = "PublishStageRequiredMessage";

    public void Handle(ContentPublishingNotification notification)
    {
        if (!options.CurrentValue.RequireStage)
        {
            return;
        }

        try
        {
            var journeyTypes = new Dictionary<Guid, bool>();
            foreach (var content in notification.PublishedEntities)
            {
                if (!IsJourneyDocument(content, journeyTypes) || MissingStageCulture(notification, content) is not { } culture)
                {
                    continue;
                }

                var name = (culture.Length > 0 ? content.GetCultureName(culture) : null) ?? content.Name ?? content.Key.ToString("D");
                notification.CancelOperation(new EventMessage(strings[TitleKey], strings[MessageKey, name], EventMessageType.Error));
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Checking that journey documents have a stage before publishing failed; the publish goes on unchecked");
        }
    }

    /// <summary>The culture ("" for invariant) in which the document is published without a stage, or null when it has one everywhere.</summary>
    private static string? MissingStageCulture(ContentPublishingNotification notification, IContent content)
    {
        if (!content.Properties.TryGetValue(JourneyProperties.Stage, out var property) || property is null)
        {
            // The type lost its stage property: editors could not choose a stage, so refusing would lock them out.
            return null;
        }

        // A culture-variant stage in an invariant document type holds one invariant value.
        if (!property.PropertyType.VariesByCulture() || !content.ContentType.VariesByCulture())
        {
            return IsEmpty(content.GetValue(JourneyProperties.Stage)) ? string.Empty : null;
        }

        var published = content.PublishCultureInfos?.Keys.ToList() ?? [];
        var publishing = published.Where(c => notification.IsPublishingCulture(content, c)).ToList();
        return (publishing.Count > 0 ? publishing : published)
            .FirstOrDefault(c => IsEmpty(content.GetValue(JourneyProperties.Stage, c)));
    }

    /// <summary>True for no value, blank text, or an empty JSON array or string as some pickers store them.</summary>
    private static bool IsEmpty(object? value) =>
        value?.ToString()?.Trim() is not { Length: > 0 } text || text is "[]" or "\"\"" or "null";

    private bool IsJourneyDocument(IContent content, Dictionary<Guid, bool> journeyTypes)
    {
        var type = content.ContentType;
        if (string.Equals(type.Alias, JourneyProperties.CompositionAlias, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!journeyTypes.TryGetValue(type.Key, out var isJourney))
        {
            isJourney = contentTypes.Get(type.Key) is { } fullType
                ? fullType.CompositionAliases().Any(a => string.Equals(a, JourneyProperties.CompositionAlias, StringComparison.OrdinalIgnoreCase))
                : content.Properties.Contains(JourneyProperties.Stage);
            journeyTypes[type.Key] = isJourney;
        }

        return isJourney;
    }
}
