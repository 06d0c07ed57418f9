using JourneyContent.Web.Forms;
using JourneyContent.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tests.Pages;

public sealed class PublicOriginTests
{
    private static PublicOrigin Origin(string? publicBaseUrl, string allowedHosts) => new(
        Options.Create(new GatedFormOptions { PublicBaseUrl = publicBaseUrl }),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }).Build(),
        NullLogger<PublicOrigin>.Instance);

    private static HttpRequest Request(string host, string scheme = "https", string pathBase = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        return context.Request;
    }

    [Theory]
    [InlineData(null, "*", "evil.example", null)]
    [InlineData(null, "*", "localhost:5000", "https://localhost:5000")]
    [InlineData(null, "www.sillage.example;*.sillage.example", "fr.sillage.example", "https://fr.sillage.example")]
    [InlineData(null, "www.sillage.example", "evil.example", null)]
    [InlineData("https://www.sillage.example/", "*", "evil.example", "https://www.sillage.example")]
    public void The_host_header_is_trusted_only_when_the_site_names_it(string? publicBaseUrl, string allowedHosts, string host, string? expected)
    {
        Assert.Equal(expected, Origin(publicBaseUrl, allowedHosts).Of(Request(host)));
    }

    [Fact]
    public void Mail_links_for_an_untrusted_host_fall_back_to_localhost()
    {
        Assert.Equal("http://localhost/shop", Origin(null, "*").ForLinks(Request("evil.example", pathBase: "/shop")));
    }
}
