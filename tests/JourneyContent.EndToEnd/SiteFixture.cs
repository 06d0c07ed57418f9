using JourneyContent.Content;
using JourneyContent.Testing;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// The standalone site on a real Kestrel loopback port, over a private copy of the demo content, with one
/// Debian chromium shared by every test of the collection.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    // A person needs seconds to fill a form; the browser fills it at once, and a test must not wait on the clock.
    private readonly DemoSite _site = new DemoSite().With("JourneyContent:Forms:MinimumFillTime", "00:00:00");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public DemoSite Site => _site;

    public ContentSnapshot Content => _site.Content;

    public static string ScreenshotPath(string name) => Path.Combine(RepositoryPaths.TestOutput("screenshots"), name + ".png");

    public async Task InitializeAsync()
    {
        _site.UseKestrel(0);
        _site.StartServer();
        BaseAddress = _site.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string? locale = null, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale ?? "en-GB",
            // Headless chromium announces itself as HeadlessChrome, which the site rightly treats as a bot.
            UserAgent = DemoSite.BrowserUserAgent,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in chromium";
}
