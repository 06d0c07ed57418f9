using System.Net;
using JourneyContent.Editing;
using JourneyContent.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>Sign-out that holds on the server, sign-in that does not reveal accounts, and the per-address throttle.</summary>
public sealed class SignInHardeningTests : IDisposable
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "a-long-configured-password";

    private readonly DemoSite _site = new DemoSite()
        .With("JourneyContent:Admin:Email", AdminEmail)
        .With("JourneyContent:Admin:Password", AdminPassword);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private readonly CountingHasher _hasher = new();

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_gets_the_sign_in_page()
    {
        using var factory = Site();
        using var browser = Browser(factory);
        using var signIn = await browser.SignInAsync(AdminEmail, AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".JourneyContent.BackOffice=", StringComparison.Ordinal)).Split(';')[0];
        using var replayBefore = await Replay(factory, cookie);

        using var signOut = await browser.PostAsync("/journey/admin/sign-out", await browser.TokenFromAsync("/journey/admin/content"), []);
        using var replayAfter = await Replay(factory, cookie);

        Assert.Equal(HttpStatusCode.OK, replayBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayAfter.StatusCode);
        Assert.StartsWith("/journey/admin/sign-in", replayAfter.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_costs_one_password_verification_as_a_wrong_password_does()
    {
        using var factory = Site();
        using var browser = Browser(factory);
        using var warmUp = await browser.SignInAsync("warm-up@example.com", "whatever-password");

        _hasher.Reset();
        using var unknown = await browser.SignInAsync("nobody@example.com", "not-the-password");
        var (unknownVerifications, unknownHashes) = (_hasher.Verifications, _hasher.Hashes);
        _hasher.Reset();
        using var wrong = await browser.SignInAsync(AdminEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((1, 0), (unknownVerifications, unknownHashes));
        Assert.Equal((1, 0), (_hasher.Verifications, _hasher.Hashes));
        Assert.Contains("The email or the password is wrong", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The email or the password is wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_failed_too_often_gets_429_in_its_language_until_the_window_ends()
    {
        _site.With("JourneyContent:BackOffice:SignIn:PerIpLimit", "3").With("JourneyContent:BackOffice:SignIn:Window", "00:10:00");
        using var factory = Site();
        using var browser = Browser(factory);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        for (var i = 0; i < 3; i++)
        {
            // Three different accounts: the per-account lockout never trips, only the address's count does.
            using var failure = await browser.SignInAsync($"guess-{i}@example.com", "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }

        using var refused = await browser.SignInAsync(AdminEmail, AdminPassword);
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var stillRefused = await browser.SignInAsync(AdminEmail, AdminPassword);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await browser.SignInAsync(AdminEmail, AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("600", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task Successful_sign_ins_do_not_count_towards_the_address_limit()
    {
        _site.With("JourneyContent:BackOffice:SignIn:PerIpLimit", "2");
        using var factory = Site();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var browser = Browser(factory);
            using var response = await browser.SignInAsync(AdminEmail, AdminPassword);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
    }

    public void Dispose() => _site.Dispose();

    private WebApplicationFactory<Program> Site() => _site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IPasswordHasher<EditorAccount>>(_hasher);
    }));

    private static BackOfficeClient Browser(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Sends a stolen cookie from a client that keeps none of its own.</summary>
    private static async Task<HttpResponseMessage> Replay(WebApplicationFactory<Program> factory, string cookie)
    {
        using var thief = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/journey/admin/content", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    /// <summary>The real hasher, counting its calls.</summary>
    private sealed class CountingHasher : IPasswordHasher<EditorAccount>
    {
        private readonly PasswordHasher<EditorAccount> _inner = new();
        private int _hashes;
        private int _verifications;

        public int Hashes => _hashes;

        public int Verifications => _verifications;

        public void Reset() => (_hashes, _verifications) = (0, 0);

        public string HashPassword(EditorAccount user, string password)
        {
            Interlocked.Increment(ref _hashes);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(EditorAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
