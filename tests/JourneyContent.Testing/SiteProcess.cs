using System.Diagnostics;

namespace JourneyContent.Testing;

/// <summary>Runs the built site as a separate process, as a user runs its commands (<c>add-user</c>, <c>replay</c>).</summary>
public static class SiteProcess
{
    /// <summary>Runs <c>dotnet JourneyContent.Site.dll args</c> over the demo content and <paramref name="dataPath"/>; returns the exit code and all output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyContent.Site.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--JourneyContent:DataPath=" + dataPath);
        start.ArgumentList.Add("--JourneyContent:ContentPath=" + RepositoryPaths.DemoContent);
        start.ArgumentList.Add("--JourneyContent:ThemesPath=" + Path.Combine(RepositoryPaths.Root, "themes"));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
