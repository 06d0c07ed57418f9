using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace JourneyContent.Umbraco.Tests.BrowserClient;

/// <summary>
/// A page that loads the package's built back-office bundle outside Umbraco's back office: an import map points each
/// <c>@umbraco-cms/backoffice/*</c> module the bundle imports at a small stand-in (<c>harness/*.js</c>), Lit is the real
/// package from the client's node_modules, and the API calls go to the real JourneyContent endpoints of the same site.
/// </summary>
internal static class ClientHarness
{
    public const string PagePath = "/harness.html";

    /// <summary>The back-office modules the stand-ins replace, by the specifier the bundle imports.</summary>
    public static readonly IReadOnlyDictionary<string, string> StandIns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["@umbraco-cms/backoffice/external/lit"] = "/harness/external-lit.js",
        ["@umbraco-cms/backoffice/lit-element"] = "/harness/lit-element.js",
        ["@umbraco-cms/backoffice/style"] = "/harness/style.js",
        ["@umbraco-cms/backoffice/event"] = "/harness/event.js",
        ["@umbraco-cms/backoffice/property"] = "/harness/property.js",
        ["@umbraco-cms/backoffice/http-client"] = "/harness/http-client.js",
        ["@umbraco-cms/backoffice/resources"] = "/harness/resources.js",
        ["@umbraco-cms/backoffice/extension-registry"] = "/harness/extension-registry.js",
    };

    /// <summary>The elements the page can create; <c>content-dashboards</c> is the Content section's dashboards, each behind its manifest conditions.</summary>
    private static readonly string[] Elements = ["journey-stage-picker", "journey-reports-dashboard", "journey-leads-dashboard", "content-dashboards"];

    // The stand-ins are ES modules written for the browser; Lit's packages are ES modules too, mapped by bare specifier.
    private static readonly Dictionary<string, string> LitModules = new(StringComparer.Ordinal)
    {
        ["lit"] = "/node_modules/lit/index.js",
        ["lit/"] = "/node_modules/lit/",
        ["lit-html"] = "/node_modules/lit-html/lit-html.js",
        ["lit-html/"] = "/node_modules/lit-html/",
        ["lit-element"] = "/node_modules/lit-element/index.js",
        ["lit-element/"] = "/node_modules/lit-element/",
        ["@lit/reactive-element"] = "/node_modules/@lit/reactive-element/reactive-element.js",
        ["@lit/reactive-element/"] = "/node_modules/@lit/reactive-element/",
    };

    public static string ClientFolder => Path.Combine(RepositoryRoot.Path, "src", "JourneyContent.Umbraco", "Client");

    /// <summary>Where the package's build writes the bundle (Client/Client.targets runs vite build into wwwroot).</summary>
    public static string BundleFolder => Path.Combine(RepositoryRoot.Path, "src", "JourneyContent.Umbraco", "wwwroot", "App_Plugins", "JourneyContent");

    public static string StandInFolder => Path.Combine(RepositoryRoot.Path, "tests", "JourneyContent.Umbraco.Tests", "BrowserClient", "harness");

    /// <summary>Serves the bundle, the stand-ins, Lit and the page from the site under test.</summary>
    public static void Map(WebApplication app)
    {
        Serve(app, "/App_Plugins/JourneyContent", BundleFolder);
        Serve(app, "/harness", StandInFolder);
        Serve(app, "/node_modules", Path.Combine(ClientFolder, "node_modules"));
        app.MapGet(PagePath, (HttpContext context) =>
        {
            var query = context.Request.Query;
            var element = query["element"].ToString();
            if (!Elements.Contains(element, StringComparer.Ordinal))
            {
                return Results.NotFound();
            }

            return Results.Content(Page(element, query["lang"].ToString() is { Length: > 0 } lang ? lang : "en", query["user"], query["name"], query["text"]),
                "text/html; charset=utf-8");
        });
    }

    /// <summary>The page's address for one element, language and back-office user; a name gives the stage picker a property dataset.</summary>
    public static string Url(string element, string language, Guid user, string? name = null, string? text = null)
    {
        var url = new StringBuilder(PagePath)
            .Append("?element=").Append(Uri.EscapeDataString(element))
            .Append("&lang=").Append(Uri.EscapeDataString(language))
            .Append("&user=").Append(user.ToString());
        if (name is not null)
        {
            url.Append("&name=").Append(Uri.EscapeDataString(name));
        }

        if (text is not null)
        {
            url.Append("&text=").Append(Uri.EscapeDataString(text));
        }

        return url.ToString();
    }

    private static void Serve(WebApplication app, string path, string folder) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = path });

    private static string Page(string element, string language, string? user, string? name, string? text)
    {
        var imports = StandIns.Concat(LitModules).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        object? dataset = name is null ? null : new
        {
            name,
            culture = (string?)null,
            properties = text is null ? Array.Empty<object>() : [new { alias = "bodyText", value = text }],
        };
        // The default encoder escapes <, >, & and quotes, so the values cannot close the script element.
        var config = JsonSerializer.Serialize(new { element, lang = language, user, dataset, changes = Array.Empty<object>(), errors = Array.Empty<string>() });
        return $$"""
            <!doctype html>
            <html lang="{{WebUtility.HtmlEncode(language)}}">
            <head>
              <meta charset="utf-8">
              <link rel="icon" href="data:,">
              <title>JourneyContent back-office client harness</title>
              <script type="importmap">{{JsonSerializer.Serialize(new { imports })}}</script>
              <script>
                window.harness = {{config}};
                // A stand-in missing an export fails the module graph: the test reports the browser's own message.
                window.addEventListener('error', (event) => window.harness.errors.push(String(event.message)));
                window.addEventListener('unhandledrejection', (event) => window.harness.errors.push(String(event.reason)));
                // The site's stand-in token scheme reads the user from a header: the bearer token the back office's
                // HTTP client sends (the user's key, see harness/auth.js) becomes that header. A call without a token
                // gets the server's 401. Every answer is noted in harness.responses.
                const send = window.fetch.bind(window);
                window.harness.responses = [];
                window.fetch = async (input, init) => {
                  const request = new Request(input, init);
                  const bearer = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '');
                  if (bearer) request.headers.set('{{Hosting.UmbracoSite.UserHeader}}', bearer[1]);
                  const response = await send(request);
                  window.harness.responses.push({ method: request.method, path: new URL(request.url).pathname, status: response.status });
                  return response;
                };
              </script>
              <style>
                /* Approximations of UUI's design tokens, which the back office defines and the elements use. */
                :root {
                  --uui-size-space-1: 3px; --uui-size-space-2: 6px; --uui-size-space-3: 9px; --uui-size-space-4: 12px;
                  --uui-size-space-5: 18px; --uui-size-space-6: 24px; --uui-size-layout-1: 24px; --uui-border-radius: 3px;
                  --uui-color-border: #d8d7d9; --uui-color-border-emphasis: #a1a1a1; --uui-color-surface: #fff;
                  --uui-color-surface-alt: #f3f3f5; --uui-color-selected: #3544b1; --uui-color-focus: #3879ff;
                  --uui-color-interactive: #1b264f; --uui-color-danger: #d42054; --uui-color-warning-standalone: #a15c00;
                  --uui-color-text: #1b264f; --uui-color-text-alt: #515054;
                }
                body { margin: 0; padding: 24px; background: #f3f3f5; font-family: system-ui, sans-serif; color: #1b264f; }
                main { max-width: 1100px; }
                #harness-sign-in { position: fixed; inset: 30% 30% auto; padding: 24px; background: #fff; border: 2px solid #1b264f; }
              </style>
              <script type="module" src="/harness/harness.js"></script>
            </head>
            <body>
              <main id="host"></main>
            </body>
            </html>
            """;
    }
}

/// <summary>The repository's root, found from the test's output folder (the folder holding JourneyContent.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string TestOutput(string folder)
    {
        var path = System.IO.Path.Combine(Path, "test-output", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "JourneyContent.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("JourneyContent.sln not found above " + AppContext.BaseDirectory);
    }
}
