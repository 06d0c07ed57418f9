using System.Diagnostics;
using JourneyContent.Testing;

namespace JourneyContent.EndToEnd;

/// <summary>The site started as the README says, on a store it cannot use: one clear sentence and exit code 2.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_data_folder_holding_a_file_that_is_not_a_database_stops_the_site_with_the_file_the_setting_and_no_stack_trace()
    {
        var data = NewDataFolder();
        await File.WriteAllBytesAsync(Path.Combine(data, "journeycontent.db"), [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);
        try
        {
            var (exitCode, error, all) = await RunSiteAsync(new() { ["JourneyContent__DataPath"] = data });

            Assert.Equal(2, exitCode);
            Assert.Contains("JourneyContent cannot start: The SQLite database " + Path.Combine(data, "journeycontent.db"), error, StringComparison.Ordinal);
            Assert.Contains("Check JourneyContent:DataPath", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_storage_provider_that_does_not_exist_stops_the_site_naming_the_setting_and_the_providers_there_are()
    {
        var data = NewDataFolder();
        try
        {
            var (exitCode, error, all) = await RunSiteAsync(new() { ["JourneyContent__DataPath"] = data, ["JourneyContent__Storage__Provider"] = "Mongo" });

            Assert.Equal(2, exitCode);
            Assert.Contains("JourneyContent cannot start: JourneyContent:Storage:Provider is 'Mongo': use Sqlite (the default) or PostgreSql.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "journeycontent.db")), "No SQLite database is created for a provider that was not chosen.");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_site_naming_both_settings_that_can_hold_it()
    {
        var data = NewDataFolder();
        try
        {
            var (exitCode, error, all) = await RunSiteAsync(new() { ["JourneyContent__DataPath"] = data, ["JourneyContent__Storage__Provider"] = "postgresql" });

            Assert.Equal(2, exitCode);
            Assert.Contains(
                "JourneyContent cannot start: No PostgreSQL connection string: set JourneyContent:Storage:PostgreSql:ConnectionString (or ConnectionStrings:JourneyContent).",
                error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_PostgreSql_server_that_cannot_be_reached_stops_the_site_naming_host_port_and_database_but_never_the_password()
    {
        var data = NewDataFolder();
        var closedPort = LoopbackPorts.Free();
        try
        {
            var (exitCode, error, all) = await RunSiteAsync(new()
            {
                ["JourneyContent__DataPath"] = data,
                ["JourneyContent__Storage__Provider"] = "PostgreSql",
                ["ConnectionStrings__JourneyContent"] = $"Host=127.0.0.1;Port={closedPort};Database=journeys;Username=site;Password=Tr0ub4dor-s3cret;Timeout=3",
            });

            Assert.Equal(2, exitCode);
            Assert.Contains($"JourneyContent cannot start: The PostgreSQL database 'journeys' on 127.0.0.1:{closedPort} cannot be reached", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Tr0ub4dor-s3cret", all, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string NewDataFolder()
    {
        var data = Path.Combine(Path.GetTempPath(), "jc-bad-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        return data;
    }

    private static async Task<(int ExitCode, string Error, string All)> RunSiteAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", "Release", "--project", "src/JourneyContent.Site", "--", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var site = Process.Start(start)!;
        var output = site.StandardOutput.ReadToEndAsync();
        var error = site.StandardError.ReadToEndAsync();
        // A guard against a hang, never waited out when the site stops as it should.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await site.WaitForExitAsync(hang.Token);
        return (site.ExitCode, await error, await output + await error);
    }
}
