using System.Diagnostics;
using JourneyContent.Testing;

namespace JourneyContent.EndToEnd;

/// <summary>The site started as the README says, on a database it cannot use: one clear sentence and exit code 2.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_data_folder_holding_a_file_that_is_not_a_database_stops_the_site_with_the_file_the_setting_and_no_stack_trace()
    {
        var data = Path.Combine(Path.GetTempPath(), "jc-bad-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        await File.WriteAllBytesAsync(Path.Combine(data, "journeycontent.db"), [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);
        try
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

            start.Environment["JourneyContent__DataPath"] = data;
            using var site = Process.Start(start)!;
            var output = site.StandardOutput.ReadToEndAsync();
            var error = site.StandardError.ReadToEndAsync();
            // A guard against a hang, never waited out when the site stops as it should.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await site.WaitForExitAsync(hang.Token);
            var all = await output + await error;

            Assert.Equal(2, site.ExitCode);
            Assert.Contains("JourneyContent cannot start: The SQLite database " + Path.Combine(data, "journeycontent.db"), await error, StringComparison.Ordinal);
            Assert.Contains("Check JourneyContent:DataPath", await error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
