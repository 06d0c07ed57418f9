using JourneyContent.Umbraco.BackOffice;
using JourneyContent.Web.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Umbraco.Extensions;

namespace JourneyContent.Umbraco.Composing;

/// <summary>Whether the site placed the module in its pipeline itself, with <c>app.UseJourneyContent()</c>.</summary>
internal sealed class JourneyContentPipeline
{
    /// <summary>Set by <c>UseJourneyContent()</c>, which runs in Program.cs before the pipeline is built.</summary>
    public bool PlacedBySite { get; set; }
}

/// <summary>
/// Installs the module with <c>dotnet add package</c> and appsettings only: unless the site called
/// <c>app.UseJourneyContent()</c>, puts the module's middleware and endpoints at the front of the pipeline.
/// </summary>
/// <remarks>
/// Umbraco Forms and uSync do this with an <c>UmbracoPipelineFilter</c>, but that type lives in Umbraco.Cms.Web.Common;
/// an ASP.NET Core <see cref="IStartupFilter"/> needs nothing but the host. What it adds, before everything Program.cs
/// adds (and after what earlier startup filters add, such as the forwarded headers of
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>):
/// <list type="number">
/// <item>the redirect of a gated file's media URL to its form, so Umbraco's static files never serve it;</item>
/// <item>for paths under <c>/journey</c>, <c>/api/journey</c> and the back-office API only, a branch with its own
/// routing, authentication and authorization that answers the module's endpoints. A path none of them matches (the
/// thank-you and download pages, which are MVC controllers) goes on to the site's pipeline untouched.</item>
/// </list>
/// </remarks>
internal sealed class JourneyContentStartupFilter(JourneyContentPipeline pipeline) : IStartupFilter
{
    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // The pipeline is built once Program.cs has run, so its UseJourneyContent() call, if any, is known here.
        if (!pipeline.PlacedBySite)
        {
            app.UseMiddleware<GatedMediaMiddleware>();
            app.UseWhen(IsModulePath, module =>
            {
                module.UseRouting();
                module.UseAuthentication();
                module.UseAuthorization();
                module.UseEndpoints(endpoints => endpoints.MapJourneyContentEndpoints());
            });
        }

        next(app);
    };

    private static bool IsModulePath(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments("/journey", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/journey", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(BackOfficeApi.Prefix, StringComparison.OrdinalIgnoreCase);
    }
}
