using System.Text;
using JourneyContent.Stages;
using JourneyContent.Web.Configuration;
using JourneyContent.Web.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Tests.Configuration;

public sealed class OptionsValidationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "jc-web-" + Guid.NewGuid().ToString("N")[..8]);

    public OptionsValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_contentRoot, "themes", "default", "Views"));
        Directory.CreateDirectory(Path.Combine(_contentRoot, "themes", "minimal", "Views"));
    }

    [Fact]
    public void The_built_in_defaults_are_valid()
    {
        using var services = Build([]);

        var stages = services.GetRequiredService<StageModel>();

        Assert.Equal(5, stages.Stages.Count);
        Assert.Equal(["en", "fr"], services.GetRequiredService<IOptions<JourneyContentOptions>>().Value.EffectiveLanguages);
    }

    [Fact]
    public void Configured_stages_replace_the_built_in_funnel()
    {
        using var services = Build(new()
        {
            ["JourneyContent:Stages:0:Key"] = "awareness",
            ["JourneyContent:Stages:1:Key"] = "consideration",
            ["JourneyContent:Stages:2:Key"] = "decision",
            ["JourneyContent:Stages:2:Label:fr"] = "Choix",
        });

        var stages = services.GetRequiredService<StageModel>();

        Assert.Equal(["awareness", "consideration", "decision"], stages.Stages.Select(s => s.Key));
        Assert.Equal("Choix", stages.FindStage("decision")!.Label.Get("fr"));
    }

    [Theory]
    [InlineData("JourneyContent:Stages:0:Key", "awareness", "JourneyContent:Stages:1:Key", "awareness", "JourneyContent:Stages:1:Key 'awareness' is a duplicate")]
    [InlineData("JourneyContent:ContentKinds:pricing:DefaultStage", "purchase", "JourneyContent:Theme", "default", "JourneyContent:ContentKinds:pricing:DefaultStage 'purchase' is not a configured stage")]
    [InlineData("JourneyContent:Theme", "../etc", "JourneyContent:DefaultLanguage", "en", "JourneyContent:Theme '../etc' was not found")]
    [InlineData("JourneyContent:Theme", "missing", "JourneyContent:DefaultLanguage", "en", "JourneyContent:Theme 'missing' was not found")]
    [InlineData("JourneyContent:Languages:0", "english", "JourneyContent:Languages:1", "fr", "JourneyContent:Languages entry 'english' is not a two-letter language code")]
    [InlineData("JourneyContent:Languages:0", "fr", "JourneyContent:DefaultLanguage", "en", "JourneyContent:DefaultLanguage 'en' is not one of JourneyContent:Languages (fr)")]
    public void Bad_configuration_fails_validation_naming_the_entry(string key1, string value1, string key2, string value2, string expected)
    {
        using var services = Build(new() { [key1] = value1, [key2] = value2 });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JourneyContentOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_stage_list_in_appsettings_fails_validation_instead_of_falling_back_to_the_built_in_funnel()
    {
        const string json = """{ "JourneyContent": { "Stages": [] } }""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        using var services = BuildFrom(configuration);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JourneyContentOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("JourneyContent:Stages is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_entry_is_reported_at_once()
    {
        using var services = Build(new()
        {
            ["JourneyContent:Stages:0:Key"] = "awareness",
            ["JourneyContent:Stages:1:Key"] = "Not A Key",
            ["JourneyContent:Stages:2:Key"] = "awareness",
            ["JourneyContent:ContentKinds:podcast:Label:en"] = "Podcast",
            ["JourneyContent:Theme"] = "missing",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<JourneyContentOptions>>().Value);

        Assert.Collection(
            error.Failures,
            f => Assert.StartsWith("JourneyContent:Stages:1:Key 'Not A Key' is invalid", f, StringComparison.Ordinal),
            f => Assert.StartsWith("JourneyContent:Stages:2:Key 'awareness' is a duplicate of JourneyContent:Stages:0", f, StringComparison.Ordinal),
            f => Assert.StartsWith("JourneyContent:ContentKinds:podcast:DefaultStage is missing", f, StringComparison.Ordinal),
            f => Assert.StartsWith("JourneyContent:Theme 'missing' was not found", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_stage_model_service_is_built_from_the_validated_options()
    {
        using var services = Build(new()
        {
            ["JourneyContent:Stages:0:Key"] = "discover",
            ["JourneyContent:Stages:0:Label:fr"] = "Découvrir",
            ["JourneyContent:Stages:1:Key"] = "buy",
            ["JourneyContent:ContentKinds:podcast:DefaultStage"] = "discover",
        });

        var stages = services.GetRequiredService<StageModel>();

        Assert.Same(stages, services.GetRequiredService<StageModel>());
        Assert.Equal(["discover", "buy"], stages.Stages.Select(s => s.Key));
        Assert.Equal("discover", stages.FindKind("podcast")!.DefaultStage!.Key);
        Assert.Null(stages.FindKind("pricing")!.DefaultStage);
    }

    private const string FiveStagesJson = """
        { "JourneyContent": { "Stages": [
          { "Key": "awareness", "Color": "#111111", "Label": { "fr": "Découverte" } },
          { "Key": "consideration" }, { "Key": "decision" }, { "Key": "loyalty" }, { "Key": "advocacy" } ] } }
        """;

    [Fact]
    public void A_shorter_stage_list_in_a_later_source_replaces_the_whole_list_of_appsettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(FiveStagesJson)))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["JourneyContent:Stages:0:Key"] = "awareness",
                ["JourneyContent:Stages:1:Key"] = "consideration",
                ["JourneyContent:Stages:2:Key"] = "decision",
                ["JourneyContent:Stages:3:Key"] = "loyalty",
            })
            .Build();
        using var services = BuildFrom(configuration);

        var stages = services.GetRequiredService<StageModel>();

        Assert.Equal(["awareness", "consideration", "decision", "loyalty"], stages.Stages.Select(s => s.Key));
        Assert.NotEqual("#111111", stages.FindStage("awareness")!.Color);
    }

    [Fact]
    public void A_stage_list_in_environment_variables_replaces_the_list_of_appsettings()
    {
        var prefix = "JCWEB_" + Guid.NewGuid().ToString("N")[..8] + "_";
        string[] keys = ["discover", "evaluate", "buy", "keep"];
        for (var i = 0; i < keys.Length; i++)
        {
            Environment.SetEnvironmentVariable($"{prefix}JourneyContent__Stages__{i}__Key", keys[i]);
        }

        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(FiveStagesJson)))
                .AddEnvironmentVariables(prefix)
                .Build();
            using var services = BuildFrom(configuration);

            Assert.Equal(keys, services.GetRequiredService<StageModel>().Stages.Select(s => s.Key));
        }
        finally
        {
            for (var i = 0; i < keys.Length; i++)
            {
                Environment.SetEnvironmentVariable($"{prefix}JourneyContent__Stages__{i}__Key", null);
            }
        }
    }

    [Fact]
    public void A_later_source_without_stages_keeps_the_list_of_appsettings_whole()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(FiveStagesJson)))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["JourneyContent:DefaultLanguage"] = "fr" })
            .Build();
        using var services = BuildFrom(configuration);

        var stages = services.GetRequiredService<StageModel>();

        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], stages.Stages.Select(s => s.Key));
        Assert.Equal(("#111111", "Découverte"), (stages.FindStage("awareness")!.Color, stages.FindStage("awareness")!.Label.Get("fr")));
    }

    [Fact]
    public void The_stage_list_of_a_chained_host_configuration_is_taken_from_its_highest_source()
    {
        var host = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(FiveStagesJson)))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["JourneyContent:Stages:0:Key"] = "awareness", ["JourneyContent:Stages:1:Key"] = "decision" })
            .Build();
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(host)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["JourneyContent:DefaultLanguage"] = "en" })
            .Build();
        using var services = BuildFrom(configuration);

        Assert.Equal(["awareness", "decision"], services.GetRequiredService<StageModel>().Stages.Select(s => s.Key));
    }

    [Fact]
    public void Adding_the_module_twice_registers_it_once()
    {
        var collection = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();

        collection.AddJourneyContentWeb(configuration);
        var count = collection.Count;
        collection.AddJourneyContentWeb(configuration);

        Assert.Equal(count, collection.Count);
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private ServiceProvider Build(Dictionary<string, string?> settings) =>
        BuildFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private ServiceProvider BuildFrom(IConfiguration configuration)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IHostEnvironment>(new TestHostEnvironment(_contentRoot));
        collection.AddLogging();
        collection.AddJourneyContentWeb(configuration);
        return collection.BuildServiceProvider();
    }
}
