using System.Diagnostics;
using System.Text.Json;
using JourneyContent.Umbraco.DocumentTypes;

namespace JourneyContent.Umbraco.Tests.Client;

/// <summary>
/// The back-office client (src/JourneyContent.Umbraco/Client) against the real @umbraco-cms/backoffice 17 and 18 typings,
/// and the package manifest that Umbraco reads. Assumes <c>npm ci</c> ran there (building the package does it) and in
/// Client/backoffice-18 (test.sh does it).
/// </summary>
public sealed class ClientTypeCheckTests
{
    private const string ClientFolder = "src/JourneyContent.Umbraco/Client";
    private const string BundlePath = "/App_Plugins/JourneyContent/journey-content.js";

    [Fact]
    public async Task Client_type_checks_with_the_backoffice_17_typings()
    {
        var client = Path.Combine(RepositoryRoot(), ClientFolder);

        await AssertTypeChecksAsync(client);
    }

    [Fact]
    public async Task Client_type_checks_with_the_backoffice_18_typings()
    {
        // Client/backoffice-18 holds @umbraco-cms/backoffice 18 (npm ci there: test.sh does it). The sources are copied
        // beside it, so that their imports resolve to its typings rather than to the client's own 17.
        var client = Path.Combine(RepositoryRoot(), ClientFolder);
        var folder = Path.Combine(client, "backoffice-18");
        var copy = Path.Combine(folder, "src");
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(client, "src"), "*.ts"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var installed = Path.Combine(folder, "node_modules", "@umbraco-cms", "backoffice", "package.json");
        Assert.True(File.Exists(installed), $"@umbraco-cms/backoffice 18 is not installed in {folder}: run `npm ci` there.");
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(installed));
        Assert.StartsWith("18.", Text(package.RootElement, "version"), StringComparison.Ordinal);

        await AssertTypeChecksAsync(folder);
    }

    private static async Task AssertTypeChecksAsync(string project)
    {
        var tsc = Path.Combine(project, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"TypeScript is not installed in {project}: run `npm ci` there (or build JourneyContent.Umbraco).");

        var (exitCode, output) = await RunAsync("node", project, TimeSpan.FromMinutes(3), tsc, "--noEmit", "-p", ".");

        Assert.True(exitCode == 0, $"tsc --noEmit exited with {exitCode} in {project}:{Environment.NewLine}{output}");
    }

    [Fact]
    public void The_client_keeps_no_list_of_reports_it_reads_the_catalogue_from_the_api()
    {
        var root = RepositoryRoot();
        var sources = Directory.GetFiles(Path.Combine(root, ClientFolder, "src"), "*.ts").ToDictionary(f => f, File.ReadAllText);
        var bundle = Path.Combine(root, "src", "JourneyContent.Umbraco", "wwwroot", "App_Plugins", "JourneyContent", "journey-content.js");
        if (File.Exists(bundle))
        {
            sources[bundle] = File.ReadAllText(bundle);
        }

        var keys = JourneyContent.Reports.Catalog.ReportCatalog.Default.Reports.Select(r => r.Definition.Key).ToList();

        // A report key as a string literal, or a per-report label such as report_funnel, is a second list to keep in step.
        foreach (var (file, text) in sources)
        {
            foreach (var key in keys)
            {
                Assert.DoesNotMatch($"""["'`]{System.Text.RegularExpressions.Regex.Escape(key)}["'`]|report_{System.Text.RegularExpressions.Regex.Escape(key)}""", text);
            }
        }

        Assert.Contains(sources, pair => pair.Value.Contains("/reports?", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_manifest_declares_the_stage_picker()
    {
        var extensions = ManifestExtensions();

        var picker = Assert.Single(extensions, e => Text(e, "alias") == JourneyProperties.StagePickerUiAlias);
        Assert.Equal("propertyEditorUi", Text(picker, "type"));
        Assert.Equal("Umbraco.Plain.String", Text(picker.GetProperty("meta"), "propertyEditorSchemaAlias"));
        Assert.Equal(BundlePath, Text(picker, "js"));
        Assert.Equal("journey-stage-picker", Text(picker, "elementName"));
    }

    [Theory]
    [InlineData("JourneyContent.Dashboard.Reports", "journey-reports", "journey-reports-dashboard", "reports")]
    [InlineData("JourneyContent.Dashboard.Leads", "journey-leads", "journey-leads-dashboard", "leads")]
    public void Package_manifest_declares_each_dashboard_in_the_content_section_behind_its_permission_condition(
        string alias, string pathname, string element, string permission)
    {
        var extensions = ManifestExtensions();

        var condition = Assert.Single(extensions, e => Text(e, "alias") == "JourneyContent.Condition.Permission");
        Assert.Equal("condition", Text(condition, "type"));
        Assert.Equal("/App_Plugins/JourneyContent/permission-condition.js", Text(condition, "api"));

        var dashboard = Assert.Single(extensions, e => Text(e, "alias") == alias);
        Assert.Equal("dashboard", Text(dashboard, "type"));
        Assert.Equal(pathname, Text(dashboard.GetProperty("meta"), "pathname"));
        Assert.Equal(BundlePath, Text(dashboard, "js"));
        Assert.Equal(element, Text(dashboard, "elementName"));
        var conditions = dashboard.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Contains(conditions, c => Text(c, "alias") == "Umb.Condition.SectionAlias" && Text(c, "match") == "Umb.Section.Content");
        Assert.Contains(conditions, c => Text(c, "alias") == "JourneyContent.Condition.Permission" && Text(c, "permission") == permission);
    }

    /// <summary>The extensions of the package manifest that Umbraco reads, each element detached from the document.</summary>
    private static List<JsonElement> ManifestExtensions()
    {
        var path = Path.Combine(RepositoryRoot(), ClientFolder, "public", "umbraco-package.json");
        using var manifest = JsonDocument.Parse(File.ReadAllText(path));
        return [.. manifest.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.Clone())];
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JourneyContent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No JourneyContent.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // Both streams are drained while the process runs: a full pipe would block tsc forever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"Timed out after {timeout}.{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
