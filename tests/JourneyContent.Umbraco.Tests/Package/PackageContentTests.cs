using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace JourneyContent.Umbraco.Tests.Package;

/// <summary>Packs the Umbraco package the way a maintainer does (<c>dotnet pack</c>) and reads what a site would install.</summary>
public sealed class PackageContentTests
{
    private static readonly Lazy<string> Package = new(Pack);

    [Fact]
    public void Package_holds_the_back_office_client_under_App_Plugins()
    {
        var entries = Entries();

        Assert.Contains("staticwebassets/App_Plugins/JourneyContent/umbraco-package.json", entries);
        Assert.Contains(entries, e => e.StartsWith("staticwebassets/App_Plugins/JourneyContent/", StringComparison.Ordinal) && e.EndsWith(".js", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("node_modules", StringComparison.Ordinal) || e.EndsWith(".ts", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_holds_the_assembly_its_documentation_and_the_static_web_assets_props()
    {
        var entries = Entries();

        Assert.Contains("lib/net10.0/JourneyContent.Umbraco.dll", entries);
        Assert.Contains("lib/net10.0/JourneyContent.Umbraco.xml", entries);
        // The props make a site serve staticwebassets/ at /App_Plugins/...; without them the files would sit unused.
        Assert.Contains(entries, e => e.StartsWith("build/", StringComparison.Ordinal) && e.EndsWith(".props", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_depends_on_the_umbraco_major_it_was_built_for_and_the_module_libraries()
    {
        using var zip = ZipFile.OpenRead(Package.Value);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(stream);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
        var major = Version.Parse(UmbracoBuild.CoreVersion).Major;

        // From the Core it is compiled against to the next major, excluded: one package version per Umbraco major.
        Assert.Equal($"[{UmbracoBuild.CoreVersion}, {major + 1}.0.0)", dependencies["Umbraco.Cms.Core"]);
        Assert.StartsWith($"{major}.", Text(nuspec, "version"), StringComparison.Ordinal);
        Assert.Contains("Umbraco 17 LTS and 18", Text(nuspec, "description"), StringComparison.Ordinal);
        Assert.True(dependencies.ContainsKey("JourneyContent.Web"), string.Join(", ", dependencies.Keys));
        Assert.True(dependencies.ContainsKey("JourneyContent.Core"), string.Join(", ", dependencies.Keys));
        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "tags" && e.Value.Contains("umbraco-marketplace", StringComparison.Ordinal));
    }

    private static string Text(XDocument nuspec, string element) =>
        nuspec.Descendants().Single(e => e.Name.LocalName == element).Value;

    private static List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(Package.Value);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private static string Pack()
    {
        var root = RepositoryRoot();
        // The test runs from bin/<Configuration>/net10.0: the package is packed from the build this test run used.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var output = Directory.CreateTempSubdirectory("jc-pack-").FullName;
        // A run for another Umbraco major packs that major's build (its own bin/ and obj/), not the default one.
        string[] build = UmbracoBuild.CoreVersionAsked ? [$"-p:UmbracoCoreVersion={UmbracoBuild.CoreVersion}"] : [];
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(root, "src/JourneyContent.Umbraco/JourneyContent.Umbraco.csproj"),
            "-c", configuration, "--no-build", "-o", output, "-nologo", .. build])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "dotnet pack did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet pack failed:\n{log.Result}\n{errors.Result}");
        return Assert.Single(Directory.GetFiles(output, "JourneyContent.Umbraco.*.nupkg"));
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JourneyContent.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("JourneyContent.sln not found above " + AppContext.BaseDirectory);
    }
}
