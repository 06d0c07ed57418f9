using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JourneyContent.Stages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the configured stage colours as a stylesheet.</summary>
/// <remarks>
/// Stage colours are configuration, and the Content-Security-Policy forbids inline styles, so themes colour
/// stage badges and charts through <c>[data-stage="key"]</c> selectors that read <c>--stage-color</c>.
/// </remarks>
public static partial class StageStylesEndpoint
{
    /// <summary>The stylesheet's path.</summary>
    public const string Path = "/journey/stages.css";

    /// <summary>Maps <see cref="Path"/>.</summary>
    public static IEndpointConventionBuilder MapJourneyStageStyles(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var css = Build(endpoints.ServiceProvider.GetRequiredService<StageModel>());
        return endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public,max-age=300";
            return Results.Text(css, "text/css; charset=utf-8");
        });
    }

    internal static string Build(StageModel stages)
    {
        var css = new StringBuilder();
        foreach (var stage in stages.Stages)
        {
            // Colours come from configuration: anything but a plain colour value is dropped rather than injected.
            var color = SafeColor().IsMatch(stage.Color) ? stage.Color : "#475569";
            css.Append(CultureInfo.InvariantCulture, $"[data-stage=\"{stage.Key}\"]{{--stage-color:{color}}}\n");
        }

        return css.ToString();
    }

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|hsl)a?\([0-9.,%\s]+\))$")]
    private static partial Regex SafeColor();
}
