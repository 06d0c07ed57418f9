using JourneyContent.Web.Configuration;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Tests.Localization;

public sealed class SiteLanguagesTests
{
    private static readonly string[] Languages = ["en", "fr"];

    [Theory]
    [InlineData("/fr/pricing", "fr")]
    [InlineData("/en", "en")]
    [InlineData("/FR/tarifs", "fr")]
    [InlineData("/de/preise", null)]
    [InlineData("/french/page", null)]
    [InlineData("/", null)]
    public void The_language_comes_from_the_first_path_segment(string path, string? expected)
    {
        Assert.Equal(expected, SiteLanguages.FromPath(new PathString(path), Languages));
    }

    [Theory]
    [InlineData(null, "fr-CA,fr;q=0.8", "fr")]
    [InlineData(null, "de-DE,en;q=0.3", "en")]
    [InlineData(null, "de-DE", "en")]
    [InlineData(null, "en;q=0.2,fr;q=0.9", "fr")]
    [InlineData("fr", "en-GB", "fr")]
    [InlineData("xx", "fr", "fr")]
    [InlineData(null, "not a language,,;q=abc", "en")]
    public void The_preferred_language_is_the_cookie_then_accept_language_then_the_default(string? cookie, string acceptLanguage, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{SiteLanguages.CookieName}={cookie}";
        }

        Assert.Equal(expected, SiteLanguages.Preferred(context.Request, new JourneyContentOptions()));
    }
}
