using JourneyContent.Web.Configuration;
using JourneyContent.Web.Theming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the active theme's static files.</summary>
public static class ThemeApplicationBuilderExtensions
{
    private const string FaviconPath = "/favicon.ico";

    /// <summary>
    /// Serves <c>themes/&lt;active&gt;/wwwroot</c> at <c>/theme</c>, falling back to the default theme's files, and the
    /// theme's <c>favicon.ico</c> at <c>/favicon.ico</c>.
    /// </summary>
    public static IApplicationBuilder UseJourneyThemeAssets(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<JourneyContentOptions>>().Value;
        var locator = app.ApplicationServices.GetRequiredService<ThemeLocator>();
        var providers = new List<IFileProvider>();
        foreach (var folder in new[] { locator.Find(options), locator.FindSibling(options, ThemeLocator.DefaultTheme) })
        {
            var wwwroot = folder is null ? null : Path.Combine(folder, "wwwroot");
            if (wwwroot is not null && Directory.Exists(wwwroot))
            {
                providers.Add(new PhysicalFileProvider(wwwroot));
            }
        }

        if (providers.Count == 0)
        {
            return app;
        }

        // Browsers and crawlers ask for /favicon.ico whatever the page says: it is the theme's.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(FaviconPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Path = "/theme" + FaviconPath;
            }

            return next(context);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/theme",
            FileProvider = new CompositeFileProvider(providers),
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public,max-age=3600",
        });
    }
}
