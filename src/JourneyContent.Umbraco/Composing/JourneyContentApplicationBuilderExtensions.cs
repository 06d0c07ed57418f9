using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Umbraco.Composing;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable IDE0130 // Umbraco's convention: pipeline extensions live where Program.cs already looks.
namespace Umbraco.Extensions;
#pragma warning restore IDE0130

/// <summary>
/// <c>app.UseJourneyContent();</c>, for a site that wants to choose where the module sits in its pipeline. A site that
/// does not call it loses nothing: the package puts the same parts at the front of the pipeline by itself
/// (<see cref="JourneyContentStartupFilter"/>).
/// </summary>
public static class JourneyContentApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the redirect of gated files' media URLs to their forms, and maps the module's public endpoints (consent,
    /// events and <c>/journey/journey.js</c>, next content, stage styles) and its back-office API, here in the pipeline.
    /// </summary>
    /// <remarks>
    /// Call it before <c>app.UseUmbraco()</c>, so that the redirect comes before Umbraco's static files. Reading
    /// tracking and gated forms need no call: they run as an MVC filter once Umbraco has routed the page. The thank-you,
    /// download and confirmation pages are MVC controllers with attribute routes, which Umbraco maps with its own.
    /// </remarks>
    public static WebApplication UseJourneyContent(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<JourneyContentPipeline>().PlacedBySite = true;
        app.UseMiddleware<GatedMediaMiddleware>();
        app.MapJourneyContentEndpoints();
        return app;
    }

    /// <summary>Every endpoint of the module that is not an MVC controller, on one route builder.</summary>
    internal static void MapJourneyContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapJourneyStageStyles();
        endpoints.MapJourneyTracking();
        endpoints.MapJourneyNextContent();
        endpoints.MapJourneyContentBackOfficeApi();
    }
}
