using Microsoft.AspNetCore.Mvc.Razor;

namespace JourneyContent.Web.Theming;

/// <summary>Looks for views in the active theme first, then in the default theme, then where MVC usually looks.</summary>
/// <remarks>A small theme can therefore override a single layout or partial and inherit everything else.</remarks>
public sealed class ThemeViewLocationExpander(string theme) : IViewLocationExpander
{
    private const string ThemeKey = "journey-theme";

    /// <inheritdoc />
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values[ThemeKey] = theme;
    }

    /// <inheritdoc />
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(viewLocations);
        var themes = string.Equals(theme, ThemeLocator.DefaultTheme, StringComparison.Ordinal)
            ? new[] { theme }
            : [theme, ThemeLocator.DefaultTheme];
        foreach (var name in themes)
        {
            yield return $"/Themes/{name}/Views/{{1}}/{{0}}.cshtml";
            yield return $"/Themes/{name}/Views/Shared/{{0}}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
