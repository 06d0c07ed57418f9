using System.Reflection;

namespace JourneyContent.Umbraco.Tests.Package;

/// <summary>
/// Which Umbraco line this test run is for, as the build recorded it (Directory.Build.props): the Umbraco.Cms.Core the
/// package was compiled against and the one these tests run on (the same by default; a newer one of the same major with
/// <c>-p:UmbracoCoreTestVersion</c>).
/// </summary>
internal static class UmbracoBuild
{
    public static string CoreVersion => Metadata("UmbracoCoreVersion");

    public static string TestVersion => Metadata("UmbracoCoreTestVersion");

    /// <summary>Whether the build was asked for a Core other than the default (it then lives in its own bin/ and obj/).</summary>
    public static bool CoreVersionAsked => bool.Parse(Metadata("UmbracoCoreVersionAsked"));

    private static string Metadata(string key) =>
        typeof(UmbracoBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} recorded by the build.");
}
