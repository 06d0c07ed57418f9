using JourneyContent.Recommendations;
using JourneyContent.Stages;
using JourneyContent.Umbraco.Content;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Forms;
using JourneyContent.Web.Tracking;
using Microsoft.Extensions.Configuration;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary><c>umbraco-config/appsettings.JourneyContent.json</c>: every setting binds to a real option, with the built-in values.</summary>
public sealed class UmbracoAppSettingsSampleTests
{
    private static readonly IConfigurationSection Section = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot(), "umbraco-config", "appsettings.JourneyContent.json"), optional: false, reloadOnChange: false)
        .Build()
        .GetSection(JourneyContentOptions.SectionName);

    [Fact]
    public void Every_setting_of_the_sample_binds_to_an_option_of_the_module()
    {
        var sections = new Dictionary<string, Type>
        {
            ["Umbraco"] = typeof(UmbracoContentOptions),
            ["Forms"] = typeof(GatedFormOptions),
            ["Tracking"] = typeof(TrackingOptions),
            ["Recommendations"] = typeof(RecommendationSettings),
        };

        foreach (var child in Section.GetChildren())
        {
            if (sections.TryGetValue(child.Key, out var type))
            {
                Assert.NotNull(child.Get(type, o => o.ErrorOnUnknownConfiguration = true));
            }
            else if (child.Key == "Consent")
            {
                // Read by AddJourneyContentTracking as JourneyContent:Consent:Required.
                Assert.Equal(["Required"], child.GetChildren().Select(c => c.Key));
            }
            else
            {
                Assert.True(typeof(JourneyContentOptions).GetProperty(child.Key)?.CanWrite == true, $"JourneyContent:{child.Key} binds to nothing.");
            }
        }
    }

    [Fact]
    public void Sample_stages_are_the_built_in_funnel_with_its_colours()
    {
        var options = Section.Get<JourneyContentOptions>()!;

        var model = StageModel.Create(options.ToStageModelSettings());

        Assert.Equal(StageModel.Default.Stages.Select(s => (s.Key, s.Color)), model.Stages.Select(s => (s.Key, s.Color)));
        Assert.Equal(
            BuiltInStageModel.Stages().Select(s => (s.Label["en"], s.Label["fr"], s.Description["en"], s.Description["fr"])),
            options.Stages!.Select(s => (s.Label["en"], s.Label["fr"], s.Description["en"], s.Description["fr"])));
        Assert.Equal(["en", "fr"], options.EffectiveLanguages);
    }

    [Fact]
    public void Sample_forms_settings_are_valid_and_hold_no_secret()
    {
        var forms = Section.GetSection("Forms").Get<GatedFormOptions>()!;

        Assert.Empty(forms.Validate());
        Assert.Null(forms.SigningKey);
        Assert.Null(forms.KeyFile);
        Assert.Null(Section.GetSection("Forms:SigningKey").Value);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JourneyContent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"JourneyContent.sln was not found above {AppContext.BaseDirectory}.");
    }
}
