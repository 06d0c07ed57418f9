using System.Net;
using JourneyContent.Editing;
using JourneyContent.Testing;
using JourneyContent.Site.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyContent.Site.Tests.BackOffice;

/// <summary>
/// Enumerates every endpoint under /journey/admin, so that a new route without protection fails here.
/// Only the sign-in form and the stylesheet are public.
/// </summary>
public sealed class BackOfficeRouteProtectionTests : IDisposable
{
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "GET journey/admin/sign-in",
        "POST journey/admin/sign-in",
        "GET journey/admin/assets/admin.css",
    };

    private static readonly HashSet<string> Policies = new(StringComparer.Ordinal)
    {
        BackOfficePolicies.Editors, BackOfficePolicies.Marketers, BackOfficePolicies.Staff, BackOfficePolicies.Admins,
    };

    private readonly DemoSite _site = new();

    [Fact]
    public void Every_back_office_endpoint_requires_a_role_except_sign_in_and_its_stylesheet()
    {
        var endpoints = BackOfficeEndpoints();

        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} back-office endpoints found");
        foreach (var (key, endpoint) in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (Public.Contains(key))
            {
                Assert.True(anonymous, $"{key} should be public");
            }
            else
            {
                Assert.False(anonymous, $"{key} allows anonymous access");
                Assert.True(policies.Any(p => p is not null && Policies.Contains(p)), $"{key} requires no back-office role");
            }
        }
    }

    [Fact]
    public async Task A_visitor_gets_no_data_from_any_back_office_endpoint()
    {
        using var client = BackOfficeClient.Create(_site);

        foreach (var (key, _) in BackOfficeEndpoints().Where(e => !Public.Contains(e.Key)))
        {
            using var response = await Send(client.Http, key);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(
                response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/journey/admin/sign-in", StringComparison.Ordinal)),
                $"{key} answered {(int)response.StatusCode} to a visitor");
            Assert.DoesNotContain("content-scoring", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_marketer_is_refused_the_editor_pages()
    {
        var password = await BackOfficeClient.CreateAccountAsync(_site, "marketer@example.com", JourneyRoles.Marketer);
        using var client = BackOfficeClient.Create(_site);
        await client.SignInAsync("marketer@example.com", password);

        foreach (var (key, endpoint) in BackOfficeEndpoints().Where(e => RequiresOnly(e.Value, BackOfficePolicies.Editors)))
        {
            using var response = await Send(client.Http, key);

            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/journey/admin/denied", StringComparison.Ordinal)),
                $"{key} answered {(int)response.StatusCode} to a marketer");
        }

        using var coverage = await client.Http.GetAsync(new Uri("/journey/admin/coverage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
    }

    public void Dispose() => _site.Dispose();

    private Dictionary<string, RouteEndpoint> BackOfficeEndpoints()
    {
        _ = _site.Server;
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
            if (!route.StartsWith("journey/admin", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result[$"{method} {route}"] = endpoint;
            }
        }

        return result;
    }

    private static bool RequiresOnly(RouteEndpoint endpoint, string policy) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == policy);

    private static Task<HttpResponseMessage> Send(HttpClient client, string key)
    {
        var (method, route) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = "/" + System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", "x");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != HttpMethods.Get)
        {
            request.Content = new FormUrlEncodedContent([new("Id", "en/content-scoring-a-primer")]);
        }

        return client.SendAsync(request);
    }
}
