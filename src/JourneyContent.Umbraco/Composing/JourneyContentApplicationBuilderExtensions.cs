using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Builder;

#pragma warning disable IDE0130 // Umbraco's convention: pipeline extensions live where Program.cs already looks.
namespace Umbraco.Extensions;
#pragma warning restore IDE0130

/// <summary>The one line an Umbraco site's Program.cs adds: <c>app.UseJourneyContent();</c>, before <c>app.UseUmbraco()</c>.</summary>
public static class JourneyContentApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the module's part in Umbraco's pages (reading is tracked, gated forms are taken) and maps its public endpoints:
    /// consent, events and <c>/journey/journey.js</c>, next content, stage styles, and the back-office API.
    /// </summary>
    /// <remarks>
    /// Call it before <c>app.UseUmbraco()</c>, so that a form posted to a page is taken before Umbraco renders the page.
    /// The thank-you, download and confirmation pages are MVC controllers with attribute routes, which Umbraco maps with
    /// its own attribute-routed controllers.
    /// </remarks>
    public static WebApplication UseJourneyContent(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<GatedMediaMiddleware>();
        app.MapJourneyStageStyles();
        app.MapJourneyTracking();
        app.MapJourneyNextContent();
        app.MapJourneyContentBackOfficeApi();
        return app;
    }
}
