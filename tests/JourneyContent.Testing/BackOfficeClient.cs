using System.Net;
using System.Text.RegularExpressions;
using JourneyContent.Site.BackOffice.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Testing;

/// <summary>A browser-like client of the back office: keeps cookies, reads antiforgery tokens from forms, posts forms.</summary>
public sealed partial class BackOfficeClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static BackOfficeClient Create(DemoSite site) =>
        new(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account with a known password in the site's real database.</summary>
    public static async Task<string> CreateAccountAsync(DemoSite site, string email, string role)
    {
        const string password = "correct-horse-battery-staple";
        await site.Services.GetRequiredService<BackOfficeAccounts>().CreateAsync(email, role, password, CancellationToken.None);
        return password;
    }

    /// <summary>A client signed in as a new account <c>{role}@example.com</c> with <paramref name="role"/>.</summary>
    public static async Task<BackOfficeClient> SignedInAsync(DemoSite site, string role)
    {
        var email = role + "@example.com";
        var password = await CreateAccountAsync(site, email, role);
        var client = Create(site);
        (await client.SignInAsync(email, password)).Dispose();
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = await TokenFromAsync("/journey/admin/sign-in");
        return await PostAsync("/journey/admin/sign-in", token, new() { ["Email"] = email, ["Password"] = password });
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await Http.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? token, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var pairs = fields.ToList();
        if (token is not null)
        {
            pairs.Add(new("__RequestVerificationToken", token));
        }

        pairs.AddRange(repeated ?? []);
        return Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(pairs));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
