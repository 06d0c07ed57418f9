using JourneyContent.Web.Pages;

namespace JourneyContent.Web.Tests.Pages;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/en/topics?x=1#top", true)]
    [InlineData("~/en", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("~//evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/en\r\nLocation: https://evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_path_on_this_site_is_local(string? url, bool local)
    {
        Assert.Equal(local, LocalUrl.IsLocal(url));
    }
}
