using System.Net;
using JourneyContent.Testing;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.Tests.Pages;

public sealed class ThemeAndConfigurationTests
{
    [Fact]
    public async Task The_minimal_theme_replaces_the_layout_and_keeps_the_default_views()
    {
        using var site = new DemoSite().With("JourneyContent:Theme", "minimal");
        using var client = site.CreateClient();
        var item = site.Content.InLanguage("en").First(i => !i.IsUntagged);

        var home = await client.GetStringAsync(new Uri("/en", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri(item.Url, UriKind.Relative));
        using var css = await client.GetAsync(new Uri("/theme/css/minimal.css", UriKind.Relative));
        using var baseCss = await client.GetAsync(new Uri("/theme/css/site.css", UriKind.Relative));

        Assert.Contains("class=\"theme-minimal\"", home, StringComparison.Ordinal);
        Assert.Contains("class=\"minimal-header\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"prose\"", page, StringComparison.Ordinal);
        Assert.Contains("data-slot=\"consent-banner\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, baseCss.StatusCode);
    }

    [Fact]
    public async Task The_default_theme_does_not_use_the_minimal_layout()
    {
        using var site = new DemoSite();
        using var client = site.CreateClient();

        var home = await client.GetStringAsync(new Uri("/en", UriKind.Relative));

        Assert.DoesNotContain("theme-minimal", home, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JourneyContent:Stages:1:Key", "awareness", "JourneyContent:Stages:1:Key 'awareness' is a duplicate of JourneyContent:Stages:0")]
    [InlineData("JourneyContent:ContentKinds:webinar:DefaultStage", "evaluation", "JourneyContent:ContentKinds:webinar:DefaultStage 'evaluation' is not a configured stage")]
    [InlineData("JourneyContent:Theme", "no-such-theme", "JourneyContent:Theme 'no-such-theme' was not found")]
    [InlineData("JourneyContent:DefaultLanguage", "de", "JourneyContent:DefaultLanguage 'de' is not one of JourneyContent:Languages")]
    public void Invalid_configuration_stops_start_up_with_a_message_naming_the_entry(string key, string value, string expected)
    {
        using var site = new DemoSite().With(key, value);
        if (key.StartsWith("JourneyContent:Stages:", StringComparison.Ordinal))
        {
            // A stage list given in a source replaces the funnel whole: the duplicate needs its first entry in the same source.
            site.With("JourneyContent:Stages:0:Key", "awareness");
        }

        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }
}
