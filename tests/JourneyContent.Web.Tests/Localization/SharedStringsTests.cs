using System.Globalization;
using System.Xml.Linq;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Tests.Localization;

public sealed class SharedStringsTests
{
    [Fact]
    public void Every_ui_string_exists_in_english_and_french()
    {
        var english = Strings("SharedStrings.resx");
        var french = Strings("SharedStrings.fr.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), french.Keys.Order(StringComparer.Ordinal));
        Assert.All(french, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        // Placeholders must match, or string.Format throws on one language only.
        Assert.All(english, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(french[pair.Key])));
    }

    [Theory]
    [InlineData("/fr/tarifs", "fr-FR")]
    [InlineData("/en", "en-GB")]
    [InlineData("/theme/css/site.css", null)]
    public async Task The_request_culture_comes_from_the_first_url_segment(string path, string? culture)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        var result = await new PathLanguageCultureProvider(["en", "fr"]).DetermineProviderCultureResult(context);

        Assert.Equal(culture, result?.Cultures.Single().Value);
    }

    private static Dictionary<string, string> Strings(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "JourneyContent.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyContent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}
