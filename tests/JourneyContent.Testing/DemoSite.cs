using JourneyContent.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Testing;

/// <summary>
/// The standalone site over a private copy of the demo content and a throwaway data folder, so tests may add,
/// break or edit files freely. Settings are applied with <c>UseSetting</c> so that they win over appsettings.json.
/// </summary>
public class DemoSite : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public DemoSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "jc-site-" + Guid.NewGuid().ToString("N")[..10]);
        CopyDirectory(RepositoryPaths.DemoContent, ContentPath);
        _settings["JourneyContent:ContentPath"] = ContentPath;
        _settings["JourneyContent:DataPath"] = Path.Combine(Root, "data");
        _settings["Logging:LogLevel:Default"] = "Warning";
    }

    public string Root { get; }

    public string ContentPath => Path.Combine(Root, "content");

    public string DataPath => _settings["JourneyContent:DataPath"]!;

    public ContentSnapshot Content => Services.GetRequiredService<IContentSource>().Current;

    /// <summary>Sets a configuration value; call before the first request.</summary>
    public DemoSite With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The clock the site runs on, when a test set one with <see cref="WithTime"/>.</summary>
    public TimeProvider? Time { get; private set; }

    /// <summary>Runs the site on <paramref name="time"/> (a FakeTimeProvider), so that no test depends on the machine's speed; call before the first request.</summary>
    public DemoSite WithTime(TimeProvider time)
    {
        Time = time;
        return this;
    }

    /// <summary>Writes a file into the site's content copy (before or while the site runs).</summary>
    public void WriteContent(string relativePath, string text)
    {
        var full = Path.Combine(ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Waits until the background writer has stored (or dropped) every event queued so far, then counts the stored events.</summary>
    public async Task<long> StoredEventsAsync()
    {
        var metrics = Services.GetRequiredService<JourneyContent.Web.Tracking.TrackingMetrics>();
        await SettledAsync(metrics);

        return await Services.GetRequiredService<JourneyContent.Journeys.IJourneyStore>().CountEventsAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits for the writer's signal that every queued event is stored or dropped. The guard only turns a writer that
    /// never settles into a failure instead of a hung run; no outcome depends on how long the write takes.
    /// </summary>
    public static async Task SettledAsync(JourneyContent.Web.Tracking.TrackingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        using var hangGuard = new CancellationTokenSource(HangGuard);
        await metrics.WhenSettledAsync(hangGuard.Token);
    }

    /// <summary>How long a test waits for a signal before calling the code under test hung: never waited out when it works.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>The user agent test clients send: a real browser's, so that requests are not taken for a bot's.</summary>
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BrowserUserAgent);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is { } time)
        {
            // After the site's own registrations, so this clock wins over TimeProvider.System.
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Copies a folder and everything under it.</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
