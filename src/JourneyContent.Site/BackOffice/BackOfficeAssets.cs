using System.Reflection;
using JourneyContent.Site.BackOffice;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the back office's stylesheet, embedded in this library so that it works the same in every host.</summary>
public static class BackOfficeAssets
{
    /// <summary>The stylesheet's path.</summary>
    public const string StylesheetPath = BackOfficeRoutes.Root + "/assets/admin.css";

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("JourneyContent.Site.BackOffice.admin.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Maps <see cref="StylesheetPath"/>; it is public so the sign-in page is styled.</summary>
    public static IEndpointConventionBuilder MapJourneyBackOfficeAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public,max-age=3600";
            return Results.Text(Stylesheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous();
}
