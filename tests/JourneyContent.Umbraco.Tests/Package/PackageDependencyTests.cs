using System.Reflection;
using System.Xml.Linq;
using JourneyContent.Umbraco.Composing;
using Microsoft.AspNetCore.Mvc;

namespace JourneyContent.Umbraco.Tests.Package;

/// <summary>
/// What an Umbraco site gets when it installs the package: its assemblies and project references must hold neither the
/// standalone site's back office (its own sign-in and accounts) nor the simulation and demo seeding used by tests.
/// </summary>
public sealed class PackageDependencyTests
{
    private static readonly string[] NotShipped = ["JourneyContent.Site", "JourneyContent.Simulation"];

    [Fact]
    public void The_package_project_references_neither_the_standalone_site_nor_the_simulation()
    {
        var closure = ProjectClosure(Path.Combine(PackageContentTests.RepositoryRoot(), "src/JourneyContent.Umbraco/JourneyContent.Umbraco.csproj"));

        Assert.Contains("JourneyContent.Web", closure);
        Assert.DoesNotContain(closure, name => NotShipped.Contains(name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_assemblies_hold_no_standalone_back_office_controller()
    {
        var controllers = AssemblyClosure().SelectMany(LoadableTypes)
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        var standalone = controllers
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template.TrimStart('/').StartsWith("journey/admin", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.NotEmpty(controllers);
        Assert.Empty(standalone);
    }

    [Fact]
    public void The_package_assemblies_hold_no_synthetic_journeys_evaluations_or_demo_seeding()
    {
        string[] testOnly = ["SyntheticJourneyGenerator", "InferenceEvaluation", "LeaveOneOutEvaluation", "SqliteDemoSeeder"];

        var assemblies = AssemblyClosure();
        var found = assemblies.SelectMany(LoadableTypes).Where(t => testOnly.Contains(t.Name, StringComparer.Ordinal)).Select(t => t.FullName).ToList();

        Assert.Contains(assemblies, a => a.GetName().Name == "JourneyContent.Core");
        Assert.Empty(found);
        Assert.DoesNotContain(assemblies, a => NotShipped.Contains(a.GetName().Name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_default_build_is_for_umbraco_17_lts_from_the_lowest_17_that_restores()
    {
        // 17.6.2 is the lowest 17.x this project's package source serves; a site on 17.6.2 or any later 17 can install it.
        var props = XDocument.Load(Path.Combine(PackageContentTests.RepositoryRoot(), "Directory.Build.props"));
        var defaults = props.Descendants("UmbracoCoreVersion").Where(e => ((string?)e.Attribute("Condition"))?.Contains("== ''", StringComparison.Ordinal) == true);

        Assert.Equal("17.6.2", Assert.Single(defaults).Value);
    }

    [Fact]
    public void The_tests_run_on_the_umbraco_core_the_build_asked_for()
    {
        // The second run of test.sh (the package built for 18, tests on a newer 18) must really meet that Core.
        var loaded = typeof(global::Umbraco.Cms.Core.Models.PublishedContent.IPublishedContent).Assembly;
        var version = loaded.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.StartsWith(UmbracoBuild.TestVersion, version, StringComparison.Ordinal);
        Assert.Equal(Version.Parse(UmbracoBuild.CoreVersion).Major, Version.Parse(UmbracoBuild.TestVersion).Major);
    }

    /// <summary>The package's assembly and every JourneyContent assembly it references, directly or not.</summary>
    private static List<Assembly> AssemblyClosure()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(JourneyContentComposer).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("JourneyContent.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. seen.Values];
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>The project names reachable from <paramref name="project"/> through ProjectReference items.</summary>
    /// <remarks>Read from the project files, so a reference the compiler drops because no type is used still counts.</remarks>
    private static HashSet<string> ProjectClosure(string project)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var path))
        {
            if (!names.Add(Path.GetFileNameWithoutExtension(path)))
            {
                continue;
            }

            foreach (var include in XDocument.Load(path).Descendants("ProjectReference").Select(e => (string)e.Attribute("Include")!))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', Path.DirectorySeparatorChar))));
            }
        }

        names.Remove(Path.GetFileNameWithoutExtension(project));
        return names;
    }
}
