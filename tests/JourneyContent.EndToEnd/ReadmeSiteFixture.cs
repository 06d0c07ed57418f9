using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JourneyContent.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// The standalone site started as the README starts it, <c>dotnet run --project src/JourneyContent.Site</c> (with
/// <c>--no-build</c>, as the test command built it, and <c>--urls</c> for a free loopback port), over a private copy of
/// the demo content and data folder, sending its mail to a real SMTP server (aiosmtpd), with one Debian chromium.
/// </summary>
public sealed class ReadmeSiteFixture : IAsyncLifetime
{
    public const string AdminEmail = "journeys-admin@example.com";

    // Generated per run: the site has no default password, and the README's way to get the first admin is this pair.
    public static readonly string AdminPassword = "journeys-" + Guid.NewGuid().ToString("N");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "jc-readme-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? _site;
    private IPlaywright? _playwright;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpServer Smtp { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ContentPath => Path.Combine(_root, "content");

    public string DataPath => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        DemoSite.CopyDirectory(RepositoryPaths.DemoContent, ContentPath);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", "Release", "--project", "src/JourneyContent.Site", "--", "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JourneyContent__ContentPath"] = ContentPath;
        start.Environment["JourneyContent__DataPath"] = DataPath;
        start.Environment["JourneyContent__Admin__Email"] = AdminEmail;
        start.Environment["JourneyContent__Admin__Password"] = AdminPassword;
        start.Environment["JourneyContent__Mail__Smtp__Host"] = Smtp.Host;
        start.Environment["JourneyContent__Mail__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["JourneyContent__Mail__Smtp__Security"] = "None";
        // A person needs seconds to fill a form; the browser fills it at once, and these tests must not wait on the clock.
        start.Environment["JourneyContent__Forms__MinimumFillTime"] = "00:00:00";
        // Every visitor of these tests comes from 127.0.0.1, and together they post more forms than the 10 per address
        // and 10 minutes a real visitor may (the limit itself is tested in JourneyContent.Site.Tests).
        start.Environment["JourneyContent__Forms__PerIpLimit"] = "100";
        _site = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
        _site.OutputDataReceived += (_, e) => Keep(e.Data);
        _site.ErrorDataReceived += (_, e) => Keep(e.Data);
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();
        await WaitUntilServingAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (a new device): no cookies, the given language and width.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            UserAgent = DemoSite.BrowserUserAgent,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 500,
            HasTouch = width < 500,
            AcceptDownloads = true,
        });
        // Two cores shared with the site and the other test projects: a slow moment is not a failure.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Counts rows of the site's SQLite database, read-only, beside the running site.</summary>
    public long Count(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataPath, "journeycontent.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ScreenshotPath(string name) => Path.Combine(RepositoryPaths.TestOutput("screenshots"), name + ".png");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_site is { HasExited: false })
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
        }

        _site?.Dispose();
        Smtp.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilServingAsync()
    {
        // Woken by the host's own "Application started." line, or by the process exiting; the guard only turns a site
        // that never starts into a failure, and is never waited out when it starts.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await Task.WhenAny(_serving.Task, _site!.WaitForExitAsync(guard.Token)).WaitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The site did not start:\n{Output()}");
        }

        if (!_serving.Task.IsCompleted)
        {
            throw new InvalidOperationException($"The site exited with code {_site.ExitCode}:\n{Output()}");
        }

        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.GetAsync(new Uri("/en", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The started site answered {(int)response.StatusCode} for /en:\n{Output()}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Application started.", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(60));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ReadmeSiteCollection : ICollectionFixture<ReadmeSiteFixture>
{
    public const string Name = "Site started as the README says, in chromium";
}
