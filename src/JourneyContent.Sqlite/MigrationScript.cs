using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyContent.Sqlite;

/// <summary>One schema migration: a script named <c>NNNN_what_it_does.sql</c> whose number is its version.</summary>
internal sealed partial class MigrationScript
{
    /// <summary>The folder of the project, and the prefix of the embedded resources' names (see the csproj's LogicalName).</summary>
    public const string ResourcePrefix = "Migrations/";

    private const string ResourceSuffix = ".sql";

    /// <summary>Creates a script from its name without folder or extension, such as <c>0001_editor_accounts</c>.</summary>
    /// <exception cref="InvalidOperationException">The name does not start with a version number and an underscore.</exception>
    public MigrationScript(string name, string sql)
    {
        var match = NamePattern().Match(name);
        if (!match.Success || !int.TryParse(match.Groups["version"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new InvalidOperationException($"The migration script {ResourcePrefix}{name}{ResourceSuffix} is not named like 0001_what_it_does.sql (a version from 1, an underscore, letters, digits or underscores).");
        }

        Name = name;
        Version = version;
        Sql = sql;
    }

    /// <summary>The number the script's name starts with; scripts run in this order.</summary>
    public int Version { get; }

    /// <summary>The name without folder or extension, as recorded in <c>schema_migrations.name</c>.</summary>
    public string Name { get; }

    /// <summary>The SQL; it must not begin or commit transactions of its own.</summary>
    public string Sql { get; }

    /// <summary>The name that tells a reader which file to open.</summary>
    public string FileName => ResourcePrefix + Name + ResourceSuffix;

    /// <summary>True for the name of an embedded migration resource.</summary>
    public static bool IsResourceName(string resourceName) =>
        resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resourceName.EndsWith(ResourceSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The script name of a resource accepted by <see cref="IsResourceName"/>.</summary>
    public static string NameOfResource(string resourceName) => resourceName[ResourcePrefix.Length..^ResourceSuffix.Length];

    [GeneratedRegex(@"^(?<version>[0-9]{1,9})_[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
