using System.Text.Json;
using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>The JSON definition: what it holds, that the package embeds the repository's file, and its error messages.</summary>
public sealed class JourneyCompositionDefinitionTests
{
    private const string MinimalJson = """
        {
          "dataTypes": [
            { "key": "11111111-1111-1111-1111-111111111111", "name": "Stage", "editorAlias": "Umbraco.Plain.String", "editorUiAlias": "Ui.Stage", "configuration": {} },
            { "key": "22222222-2222-2222-2222-222222222222", "name": "Stages", "editorAlias": "Umbraco.CheckBoxList", "editorUiAlias": "Ui.List",
              "configuration": { "items": "$stages", "nested": { "choices": ["none", "$kinds"] } } }
          ],
          "composition": {
            "key": "33333333-3333-3333-3333-333333333333", "alias": "journey", "name": "Journey", "icon": "icon-road", "variation": "culture",
            "tabs": [ { "alias": "journey", "name": "Journey", "groups": [ { "alias": "stage", "name": "Stage", "properties": [
              { "alias": "journeyStage", "name": "Stage", "dataType": "11111111-1111-1111-1111-111111111111", "variation": "culture" }
            ] } ] } ]
          }
        }
        """;

    [Fact]
    public void Every_journey_property_alias_is_in_the_definition_once()
    {
        var definition = JourneyCompositionDefinition.Load();

        Assert.Equal(JourneyProperties.CompositionAlias, definition.Composition.Alias);
        Assert.Equal(
            JourneyCompositionInstallerTests.PropertyAliases.Order(StringComparer.Ordinal),
            definition.Properties().Select(p => p.Property.Alias).Order(StringComparer.Ordinal));
        Assert.All(definition.Properties(), p => Assert.False(p.Property.Mandatory));
        Assert.Contains(definition.DataTypes, d => d.EditorUiAlias == JourneyProperties.StagePickerUiAlias);
    }

    [Fact]
    public void Repository_file_is_the_embedded_definition()
    {
        var file = Path.Combine(RepositoryRoot(), "umbraco-config", "journey-composition.json");
        using var stream = typeof(JourneyCompositionDefinition).Assembly.GetManifestResourceStream(JourneyCompositionDefinition.ResourceName);

        Assert.True(stream is not null, $"The package does not embed {JourneyCompositionDefinition.ResourceName}.");
        using var reader = new StreamReader(stream);
        Assert.Equal(Normalise(File.ReadAllText(file)), Normalise(reader.ReadToEnd()));
    }

    [Fact]
    public void Resolve_replaces_the_placeholders_with_the_stage_model_keys()
    {
        var model = StageModel.Create(new StageModelSettings { Stages = [new StageSettings { Key = "look" }, new StageSettings { Key = "buy" }] });

        var resolved = JourneyCompositionDefinition.Parse(MinimalJson).Resolve(model);

        var configuration = resolved.DataTypes[1].Configuration;
        Assert.Equal(["look", "buy"], configuration["items"].Deserialize<string[]>()!);
        Assert.Equal(["none", .. model.Kinds.Select(k => k.Key)], configuration["nested"].GetProperty("choices").Deserialize<string[]>()!);
    }

    [Theory]
    [InlineData("\"editorAlias\": \"Umbraco.Plain.String\", ", "", "editorAlias")]
    [InlineData("\"dataType\": \"11111111-1111-1111-1111-111111111111\"", "\"dataType\": \"44444444-4444-4444-4444-444444444444\"", "composition.tabs[0].groups[0].properties[0].dataType")]
    [InlineData("\"items\": \"$stages\"", "\"items\": \"$stage\"", "dataTypes[1].configuration.items")]
    [InlineData("\"name\": \"Stages\"", "\"nmae\": \"Stages\"", "nmae")]
    [InlineData("\"variation\": \"culture\",\n    \"tabs\"", "\"variation\": \"nothing\",\n    \"tabs\"", "composition.tabs[0].groups[0].properties[0].variation")]
    [InlineData("\"alias\": \"journeyStage\"", "\"alias\": \"journey-stage\"", "composition.tabs[0].groups[0].properties[0].alias")]
    [InlineData("\"key\": \"22222222-2222-2222-2222-222222222222\"", "\"key\": \"11111111-1111-1111-1111-111111111111\"", "dataTypes[1].key")]
    public void Broken_definition_is_refused_with_a_message_naming_the_field(string original, string broken, string field)
    {
        var json = MinimalJson.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(original, json, StringComparison.Ordinal);

        var error = Assert.Throws<JourneyCompositionDefinitionException>(() => JourneyCompositionDefinition.Parse(json.Replace(original, broken, StringComparison.Ordinal)));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains("journey-composition.json", error.Message, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

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
