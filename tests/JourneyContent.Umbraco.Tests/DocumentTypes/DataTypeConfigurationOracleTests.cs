using System.Text.Json.Nodes;
using JourneyContent.Umbraco.DocumentTypes;
using NSubstitute;
using Umbraco.Cms.Core.Models;

namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>
/// Every data type the installer creates, checked against the rules of the configuration editor Umbraco 17 uses for its
/// property editor. The rules are written here from Umbraco's source (umbraco/Umbraco-CMS, v17), not taken from the
/// package, so that a value Umbraco would refuse or misread fails here instead of on a live site.
/// </summary>
public sealed class DataTypeConfigurationOracleTests
{
    /// <summary>A rule for one configuration key: null when the value is acceptable, else why not.</summary>
    private delegate string? Rule(object? value);

    /// <summary>Property editor alias → its configuration keys and their rules.</summary>
    private static readonly Dictionary<string, Dictionary<string, Rule>> Editors = new(StringComparer.Ordinal)
    {
        // Plain string: the schema-only editor behind the package's own stage picker UI; it has no configuration.
        ["Umbraco.Plain.String"] = [],

        // src/Umbraco.Core/PropertyEditors/ValueListConfiguration.cs (Items: List<string>) and
        // src/Umbraco.Infrastructure/PropertyEditors/ValueListUniqueValueValidator.cs: `items` must be an
        // IEnumerable<string> (or JSON text) of unique values; anything else is "InvalidConfiguration".
        ["Umbraco.CheckBoxList"] = new(StringComparer.Ordinal) { ["items"] = UniqueStrings },

        // src/Umbraco.Core/PropertyEditors/DropDownFlexibleConfiguration.cs (Multiple: bool), a ValueListConfiguration,
        // so its `items` go through the same ValueListUniqueValueValidator.
        ["Umbraco.DropDown.Flexible"] = new(StringComparer.Ordinal) { ["items"] = UniqueStrings, ["multiple"] = Boolean },

        // src/Umbraco.Core/PropertyEditors/TagConfiguration.cs: Group string, StorageType enum TagsStorageType (Csv, Json).
        ["Umbraco.Tags"] = new(StringComparer.Ordinal) { ["group"] = NonEmptyString, ["storageType"] = OneOf("Csv", "Json") },

        // src/Umbraco.Core/PropertyEditors/TextAreaConfiguration.cs: MaxChars int?, Rows int?.
        ["Umbraco.TextArea"] = new(StringComparer.Ordinal) { ["maxChars"] = Integer, ["rows"] = Integer },

        // src/Umbraco.Core/PropertyEditors/TextboxConfiguration.cs: MaxChars int?; the UI's inputType is a string.
        ["Umbraco.TextBox"] = new(StringComparer.Ordinal) { ["maxChars"] = Integer, ["inputType"] = OneOf("text", "email", "url", "tel") },

        // src/Umbraco.Core/PropertyEditors/MediaPicker3Configuration.cs: Multiple, EnableLocalFocalPoint and
        // IgnoreUserStartNodes bool; ValidationLimit a NumberRange object { min, max }.
        ["Umbraco.MediaPicker3"] = new(StringComparer.Ordinal)
        {
            ["multiple"] = Boolean,
            ["validationLimit"] = ObjectOf("min", "max"),
            ["enableLocalFocalPoint"] = Boolean,
            ["ignoreUserStartNodes"] = Boolean,
        },

        // src/Umbraco.Core/PropertyEditors/MultiUrlPickerConfiguration.cs: MinNumber, MaxNumber int; IgnoreUserStartNodes bool.
        ["Umbraco.MultiUrlPicker"] = new(StringComparer.Ordinal) { ["minNumber"] = Integer, ["maxNumber"] = Integer, ["ignoreUserStartNodes"] = Boolean },

        // src/Umbraco.Core/PropertyEditors/MultiNodePickerConfiguration.cs: TreeSource (JSON key startNode) an object
        // MultiNodePickerConfigurationTreeSource { type, ... }; MinNumber, MaxNumber int; IgnoreUserStartNodes bool.
        ["Umbraco.MultiNodeTreePicker"] = new(StringComparer.Ordinal)
        {
            ["startNode"] = ObjectOf("type"),
            ["minNumber"] = Integer,
            ["maxNumber"] = Integer,
            ["ignoreUserStartNodes"] = Boolean,
        },

        // TrueFalse's configuration (src/Umbraco.Infrastructure/PropertyEditors/TrueFalseConfiguration.cs): Default bool.
        ["Umbraco.TrueFalse"] = new(StringComparer.Ordinal) { ["default"] = Boolean },

        // src/Umbraco.Core/PropertyEditors/DecimalConfigurationEditor.cs: min, max and step are decimals; a whole number
        // may be an int, a fraction must not be a double (System.Text.Json's decimal reading gives decimal).
        ["Umbraco.Decimal"] = new(StringComparer.Ordinal) { ["min"] = Number, ["max"] = Number, ["step"] = Number },
    };

    [Fact]
    public async Task Every_installed_data_type_has_a_configuration_its_umbraco_configuration_editor_accepts()
    {
        var umbraco = new FakeUmbracoSchema();

        await umbraco.Installer().InstallAsync();

        var created = umbraco.DataTypes.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == "CreateAsync")
            .Select(c => (IDataType)c.GetArguments()[0]!)
            .ToList();
        Assert.NotEmpty(created);
        var violations = created.SelectMany(Violations).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Oracle_refuses_the_object_array_items_that_Umbraco_refuses()
    {
        Assert.NotNull(UniqueStrings(new object[] { "awareness", "decision" }));
        Assert.NotNull(UniqueStrings(new List<string> { "awareness", "awareness" }));
        Assert.NotNull(UniqueStrings(new List<string> { "awareness", " " }));
        Assert.Null(UniqueStrings(new List<string> { "awareness", "decision" }));
        Assert.NotNull(Number(0.1d));
        Assert.Null(Number(0.1m));
    }

    [Fact]
    public async Task The_schema_stand_in_refuses_object_array_items_as_umbraco_does()
    {
        var umbraco = new FakeUmbracoSchema();
        var editor = umbraco.Editors.First(e => e.Alias == "Umbraco.CheckBoxList");
        var dataType = new DataType(editor, umbraco.Serializer) { Name = "Stages", Key = Guid.NewGuid() };
        dataType.ConfigurationData = new Dictionary<string, object> { ["items"] = new object[] { "awareness", "decision" } };

        var attempt = await umbraco.DataTypes.CreateAsync(dataType, Guid.Empty);

        Assert.Equal(global::Umbraco.Cms.Core.Services.OperationStatus.DataTypeOperationStatus.InvalidConfiguration, attempt.Status);
    }

    [Fact]
    public void String_arrays_become_string_lists_and_other_values_the_shapes_umbraco_reads()
    {
        var values = JsonNode.Parse("""{ "s": ["a", "b"], "m": [1, "a"], "o": { "min": 0 }, "i": 3, "d": 0.1, "b": true }""")!.AsObject();
        var converted = ConfigurationValues.Merge(null, values.ToDictionary(p => p.Key, p => System.Text.Json.JsonSerializer.SerializeToElement(p.Value)));

        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(converted["s"]));
        Assert.IsType<JsonArray>(converted["m"]);
        Assert.IsType<JsonObject>(converted["o"]);
        Assert.Equal(3, converted["i"]);
        Assert.Equal(0.1m, converted["d"]);
        Assert.Equal(true, converted["b"]);
    }

    private static IEnumerable<string> Violations(IDataType dataType)
    {
        if (!Editors.TryGetValue(dataType.EditorAlias, out var rules))
        {
            yield return $"{dataType.Name}: no oracle rules for the editor {dataType.EditorAlias}; add them from Umbraco's source.";
            yield break;
        }

        foreach (var (key, value) in dataType.ConfigurationData)
        {
            if (!rules.TryGetValue(key, out var rule))
            {
                yield return $"{dataType.Name}: {dataType.EditorAlias} has no configuration key '{key}'.";
            }
            else if (rule(value) is { } problem)
            {
                yield return $"{dataType.Name}: '{key}' {problem} (got {value?.GetType().Name ?? "null"}).";
            }
        }
    }

    private static string? UniqueStrings(object? value) => ValueListRule.Check(value);

    private static string? Boolean(object? value) => value is bool ? null : "must be a bool";

    private static string? Integer(object? value) => value is int or long ? null : "must be an integer";

    private static string? Number(object? value) => value is int or long or decimal ? null : "must be an int or a decimal";

    private static string? NonEmptyString(object? value) => value is string { Length: > 0 } ? null : "must be a non-empty string";

    private static Rule OneOf(params string[] allowed) =>
        value => value is string s && allowed.Contains(s, StringComparer.Ordinal) ? null : $"must be one of {string.Join(", ", allowed)}";

    private static Rule ObjectOf(params string[] required) =>
        value => value is JsonObject o && required.All(o.ContainsKey) ? null : $"must be a JSON object with {string.Join(", ", required)}";
}
