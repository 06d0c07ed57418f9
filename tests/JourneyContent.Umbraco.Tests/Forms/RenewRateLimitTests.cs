using System.Net;
using JourneyContent.Umbraco.Tests.Hosting;

namespace JourneyContent.Umbraco.Tests.Forms;

/// <summary>
/// The link-renewal endpoint on the package's Umbraco host, whose pipeline (like <c>UseUmbraco()</c>'s) has no
/// <c>UseRateLimiter()</c>: the per-IP limit must hold all the same.
/// </summary>
public sealed class RenewRateLimitTests
{
    [Fact]
    public async Task Renewals_over_the_per_ip_limit_get_429_with_the_catalogue_message_on_a_pipeline_without_UseRateLimiter()
    {
        await using var site = await UmbracoSite.StartAsync([], new Dictionary<string, string?> { ["JourneyContent:Forms:PerIpLimit"] = "2" });
        using var client = site.Client();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsync("/journey/download/renew", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = "forged" }));
            statuses.Add(last.StatusCode);
        }

        // The first two reach the action's own checks (no anti-forgery token: 400); the third is refused before them.
        Assert.All(statuses.Take(2), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("You sent this form several times in a short while.", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(last.Headers.RetryAfter is not null);
    }
}
