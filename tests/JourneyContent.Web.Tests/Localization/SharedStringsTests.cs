using System.Globalization;
using System.Xml.Linq;
using JourneyContent.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Tests.Localization;

public sealed class SharedStringsTests
{
    /// <summary>The text catalogues, each a neutral (English) resx and one resx per other culture: the public site's, and the standalone back office's.</summary>
    private static readonly string[] Catalogues =
    [
        "src/JourneyContent.Web/Resources/SharedStrings",
        "src/JourneyContent.Site/Resources/BackOffice/Localization/BackOfficeStrings",
    ];

    private const string Shared = "src/JourneyContent.Web/Resources/SharedStrings";

    /// <summary>Every culture's SharedStrings next to the neutral (English) SharedStrings.resx, found by file name.</summary>
    public static TheoryData<string> Cultures()
    {
        var data = new TheoryData<string>();
        foreach (var culture in CultureNames(Shared))
        {
            data.Add(culture);
        }

        return data;
    }

    /// <summary>Every catalogue with each of its cultures.</summary>
    public static TheoryData<string, string> CataloguesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var catalogue in Catalogues)
        {
            foreach (var culture in CultureNames(catalogue))
            {
                data.Add(catalogue, culture);
            }
        }

        return data;
    }

    /// <summary>Every catalogue.</summary>
    public static TheoryData<string> AllCatalogues() => [.. Catalogues];

    private static List<string> CultureNames(string catalogue) =>
        [.. Directory.GetFiles(FolderOf(catalogue), NameOf(catalogue) + ".*.resx").Select(f => Path.GetFileName(f).Split('.')[1]).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(AllCatalogues))]
    public void The_catalogue_has_english_french_and_german(string catalogue)
    {
        Assert.True(File.Exists(Path.Combine(FolderOf(catalogue), NameOf(catalogue) + ".resx")), catalogue);
        Assert.Equal(["de", "fr"], CultureNames(catalogue));
    }

    [Theory]
    [MemberData(nameof(CataloguesAndCultures))]
    public void Every_text_of_the_english_catalogue_is_translated_with_the_same_placeholders(string catalogue, string culture)
    {
        var english = Strings(catalogue, string.Empty);
        var translated = Strings(catalogue, "." + culture);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        // Placeholders must match, or string.Format throws on one language only.
        Assert.All(english, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(translated[pair.Key])));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_culture_of_the_catalogue_is_shipped_as_a_satellite_assembly(string culture)
    {
        // SatelliteResourceLanguages (Directory.Build.props) drops any culture it does not list, silently.
        Assert.Equal(culture, new ResxTextCatalog().Resolve(culture));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_built_in_funnel_and_content_kinds_are_labelled_in_every_culture_of_the_catalogue(string culture)
    {
        var model = JourneyContent.Stages.StageModel.Default;

        Assert.All(model.Stages, stage =>
        {
            Assert.True(stage.Label.Values.ContainsKey(culture), $"stage {stage.Key} has no {culture} label");
            Assert.True(stage.Description.Values.ContainsKey(culture), $"stage {stage.Key} has no {culture} description");
        });
        Assert.All(model.Kinds, kind => Assert.True(kind.Label.Values.ContainsKey(culture), $"content kind {kind.Key} has no {culture} label"));
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

    [Fact]
    public void Every_reason_a_stage_change_can_be_stored_with_has_a_text_on_the_lead_timeline()
    {
        // Transitions store the engine's reason names (also copied to demo leads' history); the lead store writes its own words.
        var reasons = Enum.GetNames<JourneyContent.Inference.StageChangeReason>()
            .Append(JourneyContent.Tracking.VisitorJourneys.LockExpired)
            .Concat(["inferred", "declared", "locked", "unlocked"]);
        var texts = Strings("src/JourneyContent.Site/Resources/BackOffice/Localization/BackOfficeStrings", string.Empty);

        Assert.All(reasons, reason => Assert.True(texts.ContainsKey("Lead.Reason." + reason), $"Lead.Reason.{reason} is missing"));
    }

    private static Dictionary<string, string> Strings(string catalogue, string cultureSuffix)
    {
        var path = Path.Combine(FolderOf(catalogue), NameOf(catalogue) + cultureSuffix + ".resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }

    private static string FolderOf(string catalogue) => Path.Combine(RepositoryFolder.Root, Path.GetDirectoryName(catalogue)!);

    private static string NameOf(string catalogue) => Path.GetFileName(catalogue);

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
