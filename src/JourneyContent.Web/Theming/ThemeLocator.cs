using JourneyContent.Web.Configuration;
using Microsoft.Extensions.Hosting;

namespace JourneyContent.Web.Theming;

/// <summary>Finds the folder that holds the themes and the active theme within it.</summary>
/// <remarks>
/// Search order: <see cref="JourneyContentOptions.ThemesPath"/> when set; a <c>themes</c> folder in the content
/// root; a <c>themes</c> folder up to four levels above it (so <c>dotnet run</c> from the repository serves the
/// theme's source and CSS edits need no rebuild); the <c>themes</c> folder copied next to the binaries.
/// Views are compiled into the site, so a new theme's views need a build; switching theme needs only configuration.
/// </remarks>
public sealed class ThemeLocator(IHostEnvironment environment)
{
    /// <summary>The name of the theme every other theme falls back to.</summary>
    public const string DefaultTheme = "default";

    /// <summary>The active theme's folder, or null when it cannot be found.</summary>
    public string? Find(JourneyContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Theme) || options.Theme.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            return null;
        }

        return Candidates(options)
            .Select(root => Path.Combine(root, options.Theme))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>The folder of a named theme in the same themes folder as the active one, or null.</summary>
    public string? FindSibling(JourneyContentOptions options, string theme)
    {
        var active = Find(options);
        var sibling = active is null ? null : Path.Combine(Path.GetDirectoryName(active)!, theme);
        return sibling is not null && Directory.Exists(sibling) ? sibling : null;
    }

    /// <summary>Where the themes were looked for, for error messages.</summary>
    public string DescribeSearch(JourneyContentOptions options) => string.Join(", ", Candidates(options));

    private IEnumerable<string> Candidates(JourneyContentOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ThemesPath))
        {
            yield return Path.GetFullPath(options.ThemesPath, environment.ContentRootPath);
            yield break;
        }

        var dir = new DirectoryInfo(environment.ContentRootPath);
        for (var level = 0; level <= 4 && dir is not null; level++, dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "themes");
        }

        yield return Path.Combine(AppContext.BaseDirectory, "themes");
    }
}
