using System.Net;
using System.Net.Sockets;
using System.Text;
using JourneyContent.Site.Tests.Forms;
using JourneyContent.Testing;

namespace JourneyContent.Site.Tests.Pages;

/// <summary>Hostile requests to public pages: forged status codes, forms that cannot be read, forged hosts, open redirects.</summary>
public sealed class HostileRequestTests
{
    [Theory]
    [InlineData("code=200")]
    [InlineData("code=-1")]
    [InlineData("code=0")]
    public async Task A_posted_code_does_not_set_the_status_of_the_error_page(string body)
    {
        using var site = new DemoSite();
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync(new Uri("/no/such/page", UriKind.Relative), new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/0")]
    [InlineData("/error/-1")]
    public async Task An_error_page_asked_for_a_status_that_is_not_an_error_is_a_404(string path)
    {
        using var site = new DemoSite();
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string> UnreadableForms => new()
    {
        { "more than 1,024 fields", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x")) },
        { "a value over 4 MB", "first_name=" + new string('x', (4 * 1024 * 1024) + 10) },
        { "a NUL byte and a field without a name", "email=a%00b%40example.com&=\0&first_name=Ada\0" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task A_form_that_cannot_be_read_gets_a_400_page_with_a_message_at_the_http_level(string what, string body)
    {
        using var site = new DemoSite();
        site.UseKestrel(0);
        site.StartServer();
        var address = site.ClientOptions.BaseAddress;

        var (statusLine, page) = await RawPostAsync(address, FormVisitor.Benchmark, body);

        Assert.True(statusLine.StartsWith("HTTP/1.1 4", StringComparison.Ordinal), $"{what}: {statusLine}");
        Assert.DoesNotContain("HTTP/1.1 0", statusLine, StringComparison.Ordinal);
        Assert.Contains("<h1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_canonical_and_hreflang_links_of_a_page_asked_with_a_forged_host_do_not_name_it()
    {
        using var site = new DemoSite();
        using var client = site.CreateClient(new() { BaseAddress = new Uri("http://evil.example/") });

        var html = await client.GetStringAsync(new Uri(FormVisitor.Benchmark, UriKind.Relative));

        Assert.Contains("rel=\"canonical\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_public_base_url_the_canonical_link_uses_it()
    {
        using var site = new DemoSite().With("JourneyContent:Forms:PublicBaseUrl", "https://www.sillage.example");
        using var client = site.CreateClient(new() { BaseAddress = new Uri("http://evil.example/") });

        var html = await client.GetStringAsync(new Uri(FormVisitor.Benchmark, UriKind.Relative));

        Assert.Contains($"<link rel=\"canonical\" href=\"https://www.sillage.example{FormVisitor.Benchmark}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_consent_form_follows_only_a_local_return_url(string returnUrl)
    {
        using var site = new DemoSite();
        using var visitor = FormVisitor.Create(site);
        var html = await visitor.PageAsync("/en");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await visitor.Http.PostAsync(new Uri("/api/journey/consent", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accept"] = "true", ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.Location is null, $"Redirected to {response.Headers.Location}");
    }

    [Fact]
    public async Task The_consent_form_follows_a_local_return_url()
    {
        using var site = new DemoSite();
        using var visitor = FormVisitor.Create(site);
        var html = await visitor.PageAsync("/en");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        using var response = await visitor.Http.PostAsync(new Uri("/api/journey/consent", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["accept"] = "true", ["returnUrl"] = "/en/topics", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal("/en/topics", response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts a form over a raw socket and returns the status line as sent, so that an invalid one (<c>HTTP/1.1 0</c>) shows.</summary>
    private static async Task<(string StatusLine, string Body)> RawPostAsync(Uri address, string path, string body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nUser-Agent: {DemoSite.BrowserUserAgent}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may answer and close before it reads the whole body; its answer is still there to read.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var all = await reader.ReadToEndAsync();
        var statusLine = all.Split("\r\n", 2)[0];
        return (statusLine, all);
    }
}
