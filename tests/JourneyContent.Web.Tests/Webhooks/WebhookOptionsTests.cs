using JourneyContent.Web.Webhooks;

namespace JourneyContent.Web.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void No_urls_means_webhooks_are_off_and_valid_without_a_secret()
    {
        Assert.Empty(WebhookOptions.Validate(new WebhookOptions()));
        Assert.Empty(WebhookOptions.Validate(new WebhookOptions { LeadCapturedUrl = "", StageChangedUrl = " " }));
    }

    [Fact]
    public void The_default_timeout_is_10_seconds()
    {
        var options = new WebhookOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
    }

    [Fact]
    public void Http_and_https_urls_with_a_long_secret_are_valid()
    {
        Assert.Empty(WebhookOptions.Validate(new WebhookOptions
        {
            LeadCapturedUrl = "https://crm.example.com/hooks/lead",
            StageChangedUrl = "http://localhost:8080/stage",
            Secret = "0123456789abcdef",
        }));
    }

    [Theory]
    [InlineData("crm.example.com/hook")]
    [InlineData("/hooks/lead")]
    [InlineData("ftp://crm.example.com/hook")]
    [InlineData("file:///etc/passwd")]
    public void A_url_that_is_not_absolute_http_is_named_in_the_message(string url)
    {
        var errors = WebhookOptions.Validate(new WebhookOptions { StageChangedUrl = url, Secret = "0123456789abcdef" });

        var error = Assert.Single(errors);
        Assert.StartsWith("JourneyContent:Webhooks:StageChangedUrl ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_without_a_secret_asks_for_the_secret()
    {
        var error = Assert.Single(WebhookOptions.Validate(new WebhookOptions { LeadCapturedUrl = "https://crm.example.com/hook" }));

        Assert.StartsWith("JourneyContent:Webhooks:Secret is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_is_refused_with_the_minimum_length()
    {
        var error = Assert.Single(WebhookOptions.Validate(new WebhookOptions { LeadCapturedUrl = "https://crm.example.com/hook", Secret = "short" }));

        Assert.Equal("JourneyContent:Webhooks:Secret must be at least 16 characters long.", error);
    }

    [Fact]
    public void A_non_positive_timeout_is_named()
    {
        var errors = WebhookOptions.Validate(new WebhookOptions { Timeout = TimeSpan.FromSeconds(-1) });

        Assert.Equal(["JourneyContent:Webhooks:Timeout must be positive."], errors);
    }

    [Fact]
    public void A_standard_webhooks_secret_is_accepted()
    {
        Assert.Empty(WebhookOptions.Validate(new WebhookOptions { LeadCapturedUrl = "https://crm.example.com/hook", Secret = JourneyContent.Webhooks.WebhookSignature.NewSecret() }));
    }

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_not-base64-at-all!!")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAA")]
    public void A_whsec_secret_without_a_valid_key_is_refused_with_its_key_named(string secret)
    {
        var error = Assert.Single(WebhookOptions.Validate(new WebhookOptions { LeadCapturedUrl = "https://crm.example.com/hook", Secret = secret }));

        Assert.StartsWith("JourneyContent:Webhooks:Secret starts with whsec_ but", error, StringComparison.Ordinal);
    }
}
