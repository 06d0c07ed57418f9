using JourneyContent.Stages;
using Microsoft.Extensions.Configuration;

namespace JourneyContent.Web.Configuration;

/// <summary>Reads <c>JourneyContent:Stages</c> as one list, from the one configuration source that gives it.</summary>
/// <remarks>
/// <para>.NET configuration merges arrays index by index across sources: a three-stage list in environment variables
/// over appsettings.json's five stages binds as five, the last two from appsettings.json. A funnel is one decision,
/// so the list is taken whole from the highest-priority source that defines <c>JourneyContent:Stages</c> (the last one
/// added, as for any single value) and the lower sources' entries are ignored. Changing one field of one stage
/// therefore means restating the list in that source.</para>
/// <para>A chained configuration (the host's configuration inside the application's) is searched through its own sources.
/// A configuration that is not a root (a section handed over by a host) keeps the ordinary merged binding.</para>
/// </remarks>
internal static class StageListConfiguration
{
    /// <summary>The key of the list.</summary>
    public const string Key = JourneyContentOptions.SectionName + ":" + nameof(JourneyContentOptions.Stages);

    /// <summary>Replaces <see cref="JourneyContentOptions.Stages"/> with the list of the source that gives it; null when none does.</summary>
    public static void Apply(JourneyContentOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationRoot root ? WinningSection(root) : configuration.GetSection(Key);
        options.Stages = section is null ? null : Bind(section);
    }

    /// <summary>
    /// The list in one section; an explicitly empty list (<c>"Stages": []</c>, which the binder leaves null) is kept
    /// empty so that validation reports it instead of silently bringing back the built-in funnel.
    /// </summary>
    private static List<StageSettings>? Bind(IConfigurationSection section)
    {
        var stages = section.Get<List<StageSettings>>();
        if (stages is null && section.Value is not null && !section.GetChildren().Any())
        {
            return [];
        }

        return stages;
    }

    private static IConfigurationSection? WinningSection(IConfigurationRoot root)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider is ChainedConfigurationProvider { Configuration: IConfigurationRoot inner })
            {
                if (WinningSection(inner) is { } chained)
                {
                    return chained;
                }

                continue;
            }

            if (provider.TryGet(Key, out _) || provider.GetChildKeys([], Key).Any())
            {
                var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                Collect(provider, Key, values);
                return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(Key);
            }
        }

        return null;
    }

    private static void Collect(IConfigurationProvider provider, string path, Dictionary<string, string?> values)
    {
        if (provider.TryGet(path, out var value))
        {
            values[path] = value;
        }

        foreach (var child in provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Collect(provider, path + ConfigurationPath.KeyDelimiter + child, values);
        }
    }
}
