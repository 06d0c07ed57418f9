using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.DependencyInjection;

#pragma warning disable IDE0130 // Umbraco's convention: builder extensions live where IUmbracoBuilder users already look.
namespace Umbraco.Extensions;
#pragma warning restore IDE0130

/// <summary>Registers JourneyContent on an Umbraco site.</summary>
public static class JourneyContentUmbracoBuilderExtensions
{
    /// <summary>
    /// Binds and validates the <c>JourneyContent</c> section at start-up and registers the module: Umbraco's published
    /// content as the content source, the notification handlers, the Journey composition installer, tracking,
    /// recommendations, gated forms, leads, reports and the back-office API. Safe to call twice.
    /// </summary>
    public static IUmbracoBuilder AddJourneyContent(this IUmbracoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(JourneyContentUmbracoMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<JourneyContentUmbracoMarker>();
        builder.Services.AddJourneyContentWeb(builder.Config);
        return builder;
    }

    private sealed class JourneyContentUmbracoMarker;
}
