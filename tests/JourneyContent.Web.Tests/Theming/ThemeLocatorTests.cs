using JourneyContent.Web.Configuration;
using JourneyContent.Web.Tests.Fakes;
using JourneyContent.Web.Theming;

namespace JourneyContent.Web.Tests.Theming;

public sealed class ThemeLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jc-themes-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Themes_are_found_by_walking_up_from_the_content_root_as_in_a_repository_checkout()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root, "src", "JourneyContent.Site")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "themes", "default", "Views"));
        Directory.CreateDirectory(Path.Combine(_root, "themes", "minimal"));
        var locator = new ThemeLocator(new TestHostEnvironment(contentRoot));
        var options = new JourneyContentOptions { Theme = "minimal" };

        Assert.Equal(Path.Combine(_root, "themes", "minimal"), locator.Find(options));
        Assert.Equal(Path.Combine(_root, "themes", "default"), locator.FindSibling(options, ThemeLocator.DefaultTheme));
    }

    [Fact]
    public void A_configured_themes_path_is_the_only_place_searched()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root, "site")).FullName;
        Directory.CreateDirectory(Path.Combine(contentRoot, "themes", "default"));
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "brand"));
        var locator = new ThemeLocator(new TestHostEnvironment(contentRoot));

        Assert.Equal(Path.Combine(_root, "elsewhere", "brand"), locator.Find(new() { Theme = "brand", ThemesPath = "../elsewhere" }));
        Assert.Null(locator.Find(new() { Theme = "default", ThemesPath = "../elsewhere" }));
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void A_theme_name_that_is_a_path_is_never_resolved(string theme)
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root, "site")).FullName;
        Directory.CreateDirectory(Path.Combine(contentRoot, "themes", "default"));
        Directory.CreateDirectory(Path.Combine(contentRoot, "secrets"));

        Assert.Null(new ThemeLocator(new TestHostEnvironment(contentRoot)).Find(new() { Theme = theme }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
