using JourneyContent.Web.Theming;
using Microsoft.AspNetCore.Mvc.Razor;

namespace JourneyContent.Web.Tests.Theming;

public sealed class ThemeViewLocationExpanderTests
{
    private static readonly string[] MvcDefaults = ["/Views/{1}/{0}.cshtml", "/Views/Shared/{0}.cshtml"];

    [Fact]
    public void A_custom_theme_is_searched_first_then_the_default_theme_then_mvc_locations()
    {
        var locations = new ThemeViewLocationExpander("minimal").ExpandViewLocations(null!, MvcDefaults).ToList();

        Assert.Equal(
        [
            "/Themes/minimal/Views/{1}/{0}.cshtml",
            "/Themes/minimal/Views/Shared/{0}.cshtml",
            "/Themes/default/Views/{1}/{0}.cshtml",
            "/Themes/default/Views/Shared/{0}.cshtml",
            "/Views/{1}/{0}.cshtml",
            "/Views/Shared/{0}.cshtml",
        ], locations);
    }

    [Fact]
    public void The_default_theme_is_not_searched_twice()
    {
        var locations = new ThemeViewLocationExpander("default").ExpandViewLocations(null!, MvcDefaults).ToList();

        Assert.Equal(4, locations.Count);
        Assert.Equal(4, locations.Distinct(StringComparer.Ordinal).Count());
    }
}
