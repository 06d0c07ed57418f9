using JourneyContent.Testing;
using Microsoft.Playwright;

namespace JourneyContent.EndToEnd;

/// <summary>
/// The standalone site in this process on a real loopback Kestrel port, on a clock the test moves: for the steps of a
/// journey that need days to pass. Pages open in the given chromium.
/// </summary>
public sealed class ClockedSite : IAsyncDisposable
{
    private readonly DemoSite _site;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private ClockedSite(DemoSite site, IBrowser browser)
    {
        _site = site;
        _browser = browser;
    }

    /// <summary>The site itself, for seeding its stores and creating back-office accounts.</summary>
    public DemoSite Site => _site;

    public static Task<ClockedSite> StartAsync(IBrowser browser, TimeProvider time)
    {
        var site = new DemoSite().WithTime(time).With("JourneyContent:Forms:MinimumFillTime", "00:00:00");
        site.UseKestrel(0);
        site.StartServer();
        return Task.FromResult(new ClockedSite(site, browser));
    }

    public async Task<IPage> NewPageAsync(string locale, int width)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            BaseURL = _site.ClientOptions.BaseAddress.ToString(),
            Locale = locale,
            UserAgent = DemoSite.BrowserUserAgent,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        _contexts.Add(context);
        // Two cores shared with the site and the other test projects: a slow moment is not a failure.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _site.DisposeAsync();
    }
}
