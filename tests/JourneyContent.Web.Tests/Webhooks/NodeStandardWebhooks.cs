using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace JourneyContent.Web.Tests.Webhooks;

/// <summary>
/// Runs <c>StandardWebhooksNode/verify.mjs</c>: the npm <c>standardwebhooks</c> package, run by Node, verifies a delivery
/// exactly as a JavaScript receiver would. Installed by <c>npm ci</c> in that folder (test.sh does it).
/// </summary>
/// <remarks>A missing Node, npm install or script fails the test with what to do: a verification that cannot run must not pass silently.</remarks>
internal static class NodeStandardWebhooks
{
    /// <summary>The script's answer: 0 verified (payload on stdout), 1 refused by the library, 2 a harness error.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> VerifyAsync(string secret, IReadOnlyDictionary<string, string> headers, string body)
    {
        var folder = Folder();
        var script = Path.Combine(folder, "verify.mjs");
        Assert.True(File.Exists(script), $"{script} is missing.");
        Assert.True(
            File.Exists(Path.Combine(folder, "node_modules", "standardwebhooks", "package.json")),
            $"The npm package standardwebhooks is not installed: run `npm ci --no-audit --no-fund` in {folder} (./test.sh does it).");

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"Node.js is needed to verify webhooks with the npm standardwebhooks package, but `node` could not be started ({ex.Message}). ./test.sh installs it.");
            throw;
        }

        using (process)
        {
            // A guard against a hung process only: a working run answers in well under a second.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { secret, headers, body }));
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    private static string Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "JourneyContent.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "JourneyContent.Web.Tests", "StandardWebhooksNode");
            }
        }

        throw new DirectoryNotFoundException("JourneyContent.sln was not found above " + AppContext.BaseDirectory);
    }
}
