using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using JourneyContent.Leads;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.Forms;

/// <summary>A visitor who fills gated forms on the demo site the way a browser does: page first (cookies, token, stamp), then the post.</summary>
internal sealed partial class FormVisitor(HttpClient http) : IDisposable
{
    public const string Benchmark = "/en/marketing-automation-platforms-compared-2026";
    public const string BenchmarkFr = "/fr/comparatif-plateformes-marketing-automation-2026";

    public HttpClient Http { get; } = http;

    public static FormVisitor Create(DemoSite site) =>
        new(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static DemoSite Site() => new DemoSite().With("JourneyContent:Forms:MinimumFillTime", "00:00:00");

    public async Task ConsentAsync()
    {
        using var response = await Http.PostAsJsonAsync(new Uri("/api/journey/consent", UriKind.Relative), new { accept = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<string> PageAsync(string path = Benchmark) => await Http.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>Opens the page and posts its form with <paramref name="fields"/> (email, consent and the hidden fields filled unless given).</summary>
    /// <remarks><paramref name="before"/> runs between the page and the post: a test moves its fake clock there.</remarks>
    public async Task<HttpResponseMessage> SubmitAsync(Dictionary<string, string> fields, string path = Benchmark, Action? before = null)
    {
        var html = await PageAsync(path);
        var formHtml = html[html.IndexOf("class=\"lead-form\"", StringComparison.Ordinal)..];
        formHtml = formHtml[..formHtml.IndexOf("</form>", StringComparison.Ordinal)];
        var form = Hidden().Matches(formHtml).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["email"] = "ada@example.com";
        form["consent"] = "true";
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        before?.Invoke();
        return await Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form.Where(f => f.Value is not null)));
    }

    public static async Task<IReadOnlyList<Lead>> LeadsAsync(DemoSite site) =>
        (await site.Services.GetRequiredService<ILeadStore>().ListAsync(new LeadQuery(Take: 500), CancellationToken.None)).Leads;

    public void Dispose() => Http.Dispose();

    /// <summary>The hidden inputs of the form (antiforgery token, stamp, source), whichever order their attributes are in.</summary>
    [GeneratedRegex("<input (?=[^>]*type=\"hidden\")(?=[^>]*name=\"([^\"]+)\")(?=[^>]*value=\"([^\"]*)\")[^>]*>")]
    private static partial Regex Hidden();
}
