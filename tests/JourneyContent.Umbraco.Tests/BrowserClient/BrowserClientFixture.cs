using JourneyContent.Content;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Tracking;
using JourneyContent.Umbraco.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyContent.Umbraco.Tests.BrowserClient;

/// <summary>
/// The package composed on a real UmbracoBuilder, on a Kestrel loopback port, serving the client harness; and one
/// Debian chromium for the whole test class. A few visitors are stored so that the funnel is not all zeros.
/// </summary>
public sealed class BrowserClientFixture : IAsyncLifetime
{
    // The content of BackOfficeApiTests: the classifier learns the stages from these items.
    private static readonly ContentItem[] Items =
    [
        Item("pricing-guide", "consideration", "Comparing pricing plans", "compare plans pricing comparison features benchmark"),
        Item("benchmark", "consideration", "Benchmark of the market's solutions", "comparison benchmark vendors features pricing"),
        Item("what-is-inbound", "awareness", "What is inbound marketing", "introduction basics what why beginners"),
        Item("intro-video", "awareness", "Inbound in five minutes", "introduction basics video beginners discover"),
        Item("free-trial", "decision", "Start your free trial", "trial start buy demo plan signup"),
    ];

    private IPlaywright? _playwright;
    private UmbracoSite? _site;

    public IBrowser Browser { get; private set; } = null!;

    internal UmbracoSite Site => _site ?? throw new InvalidOperationException("The site is not started.");

    public static string ScreenshotPath(string name) => Path.Combine(RepositoryRoot.TestOutput("screenshots"), name + ".png");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(ClientHarness.BundleFolder, "journey-content.js")))
        {
            throw new InvalidOperationException($"The client bundle is missing from {ClientHarness.BundleFolder}: build src/JourneyContent.Umbraco first.");
        }

        _site = await UmbracoSite.StartAsync(Items, configureApp: ClientHarness.Map, kestrel: true);
        await SeedVisitorsAsync(_site.App.Services.GetRequiredService<IJourneyStore>());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A new browser context on the harness page for one element, once the bundle has created it. Script errors of
    /// the page make the call fail with their text, so a missing stand-in export shows up as what it is.
    /// </summary>
    public async Task<IPage> OpenAsync(string element, string language, Guid user, string? name = null, string? text = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseAddress!.ToString(),
            Locale = language == "fr" ? "fr-FR" : "en-GB",
            ViewportSize = new ViewportSize { Width = 1100, Height = 700 },
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(ClientHarness.Url(element, language, user, name, text));
        await page.WaitForFunctionAsync("() => window.harness.ready === true || window.harness.errors.length > 0", null, new() { Timeout = 10_000 });
        if (!await page.EvaluateAsync<bool>("() => window.harness.ready === true"))
        {
            errors.AddRange(await page.EvaluateAsync<string[]>("() => window.harness.errors"));
            throw new InvalidOperationException($"The harness did not create {element}: {string.Join(" | ", errors.Distinct())}");
        }

        return page;
    }

    /// <summary>
    /// A lead captured through the module's real lead store, as the gated form would, two days ago; with
    /// <paramref name="visits"/>, from a browser of its own that read the benchmark and the pricing guide first.
    /// </summary>
    public async Task<Lead> AddLeadAsync(string email, string stage, string company, string firstName = "Ada", string lastName = "Lovelace", bool visits = false)
    {
        var at = Site.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-2);
        string? visitor = null;
        if (visits)
        {
            visitor = "lead-visitor-" + Guid.NewGuid().ToString("N");
            JourneyEvent[] read =
            [
                new(visitor, at.AddMinutes(-30), JourneyEventType.View, "benchmark:en"),
                new(visitor, at.AddMinutes(-20), JourneyEventType.View, "pricing-guide:en"),
                new(visitor, at.AddMinutes(-10), JourneyEventType.Engaged, "pricing-guide:en"),
            ];
            await Site.App.Services.GetRequiredService<IJourneyStore>().AppendAsync(read, [], CancellationToken.None);
        }

        var leads = Site.App.Services.GetRequiredService<ILeadStore>();
        var captured = await leads.CaptureAsync(new LeadCapture
        {
            Email = email, Language = "en", ContentId = "pricing-guide:en", Stage = stage, At = at, VisitorId = visitor,
            Profile = new LeadProfile { FirstName = firstName, LastName = lastName, Company = company, JobTitle = "Head of growth" },
            Source = new LeadSource { UtmSource = "newsletter", UtmCampaign = "spring", LandingPage = "/en/pricing-guide" },
        }, CancellationToken.None);
        return captured.Lead;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    /// <summary>Three visitors: one still in awareness, one gone on to consideration, one to decision.</summary>
    private static async Task SeedVisitorsAsync(IJourneyStore store)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        string[][] paths = [["awareness"], ["awareness", "consideration"], ["awareness", "consideration", "decision"]];
        string[] pages = ["what-is-inbound:en", "pricing-guide:en", "free-trial:en"];
        var events = new List<JourneyEvent>();
        var transitions = new List<StoredTransition>();
        for (var v = 0; v < paths.Length; v++)
        {
            var visitor = $"browser-visitor-{v}";
            string? from = null;
            for (var step = 0; step < paths[v].Length; step++)
            {
                var when = at.AddMinutes((v * 10) + step);
                events.Add(new JourneyEvent(visitor, when, JourneyEventType.View, pages[step]));
                transitions.Add(new StoredTransition(visitor, from, paths[v][step], when, pages[step], "browser-test seed"));
                from = paths[v][step];
            }
        }

        await store.AppendAsync(events, transitions, CancellationToken.None);
    }

    private static ContentItem Item(string slug, string stage, string title, string text) => new()
    {
        Id = slug + ":en", Slug = slug, Language = "en", Title = title, Kind = "article", Url = "/en/" + slug, Stage = stage, BodyText = text,
    };
}
