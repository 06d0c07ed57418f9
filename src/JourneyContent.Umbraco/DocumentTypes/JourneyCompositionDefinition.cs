using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using JourneyContent.Stages;
using Umbraco.Cms.Core.Models;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>
/// The "Journey" composition and its data types as described by <c>umbraco-config/journey-composition.json</c>,
/// the single source of truth that <see cref="JourneyCompositionInstaller"/> applies at start-up.
/// </summary>
/// <remarks>
/// <para>The file is embedded in the package as <see cref="ResourceName"/>. <see cref="Load"/> reads and validates it;
/// <see cref="Resolve"/> then replaces the placeholders <c>"$stages"</c> and <c>"$kinds"</c> in data type
/// configurations with the keys of the site's stage model, so the pickers follow the configured funnel.</para>
/// <para>A broken file throws a <see cref="JourneyCompositionDefinitionException"/> whose errors each name the field at
/// fault, for example <c>dataTypes[2].editorAlias</c>.</para>
/// </remarks>
public sealed partial record JourneyCompositionDefinition
{
    /// <summary>The logical name of the embedded resource (the csproj's <c>EmbeddedResource LogicalName</c>).</summary>
    public const string ResourceName = "JourneyContent.Umbraco.journey-composition.json";

    /// <summary>The placeholder replaced by the stage keys of the site's stage model, in funnel order.</summary>
    public const string StagesPlaceholder = "$stages";

    /// <summary>The placeholder replaced by the content kind keys of the site's stage model.</summary>
    public const string KindsPlaceholder = "$kinds";

    private const string FileName = "journey-composition.json";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>A free comment (the file's <c>$comment</c>), ignored.</summary>
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    /// <summary>The data types the composition's properties use.</summary>
    public required IReadOnlyList<JourneyDataTypeDefinition> DataTypes { get; init; }

    /// <summary>The composition itself.</summary>
    public required JourneyTypeDefinition Composition { get; init; }

    /// <summary>The data type with this key, or null.</summary>
    public JourneyDataTypeDefinition? FindDataType(Guid key) => DataTypes.FirstOrDefault(d => d.Key == key);

    /// <summary>Every property of the composition, with the tab and group that hold it, in file order.</summary>
    public IEnumerable<(JourneyTabDefinition Tab, JourneyGroupDefinition Group, JourneyPropertyDefinition Property)> Properties() =>
        Composition.Tabs.SelectMany(t => t.Groups.SelectMany(g => g.Properties.Select(p => (t, g, p))));

    /// <summary>Reads and validates the definition embedded in the package.</summary>
    /// <exception cref="JourneyCompositionDefinitionException">The resource is missing or invalid; each error names the field.</exception>
    public static JourneyCompositionDefinition Load()
    {
        using var stream = typeof(JourneyCompositionDefinition).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new JourneyCompositionDefinitionException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(JourneyCompositionDefinition).Assembly.GetName().Name}: embed umbraco-config/{FileName} with this LogicalName.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), FileName);
    }

    /// <summary>Reads and validates a definition from its JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name of the file, used in error messages.</param>
    /// <exception cref="JourneyCompositionDefinitionException">The text is not a valid definition; each error names the field.</exception>
    public static JourneyCompositionDefinition Parse(string json, string source = FileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JourneyCompositionDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<JourneyCompositionDefinition>(json, SerializerOptions);
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) ? string.Empty : $" (at {e.Path.TrimStart('$').TrimStart('.')})";
            throw new JourneyCompositionDefinitionException($"{source}: {e.Message}{at}", e);
        }

        if (definition is null)
        {
            throw new JourneyCompositionDefinitionException($"{source}: the file is empty (null).");
        }

        var errors = definition.Validate();
        if (errors.Count > 0)
        {
            throw new JourneyCompositionDefinitionException([.. errors.Select(e => $"{source}: {e}")]);
        }

        return definition;
    }

    /// <summary>
    /// A copy in which every configuration value <c>"$stages"</c> is replaced by the stage keys of
    /// <paramref name="stageModel"/> (in funnel order) and every <c>"$kinds"</c> by its content kind keys. A placeholder
    /// inside an array is spliced into it.
    /// </summary>
    public JourneyCompositionDefinition Resolve(StageModel stageModel)
    {
        ArgumentNullException.ThrowIfNull(stageModel);
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [StagesPlaceholder] = [.. stageModel.Stages.Select(s => s.Key)],
            [KindsPlaceholder] = [.. stageModel.Kinds.Select(k => k.Key)],
        };
        return this with
        {
            DataTypes = [.. DataTypes.Select(d => d with
            {
                Configuration = d.Configuration.ToDictionary(c => c.Key, c => Substitute(c.Value, values), StringComparer.Ordinal),
            })],
        };
    }

    private static JsonElement Substitute(JsonElement value, Dictionary<string, string[]> values)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when values.TryGetValue(value.GetString()!, out var items):
                return JsonSerializer.SerializeToElement(items);
            case JsonValueKind.Array:
                var list = new List<JsonElement>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && values.TryGetValue(item.GetString()!, out var spliced))
                    {
                        list.AddRange(spliced.Select(s => JsonSerializer.SerializeToElement(s)));
                    }
                    else
                    {
                        list.Add(Substitute(item, values));
                    }
                }

                return JsonSerializer.SerializeToElement(list);
            case JsonValueKind.Object:
                return JsonSerializer.SerializeToElement(value.EnumerateObject().ToDictionary(p => p.Name, p => Substitute(p.Value, values), StringComparer.Ordinal));
            default:
                return value;
        }
    }

    private List<string> Validate()
    {
        var errors = new List<string>();
        if (DataTypes.Count == 0)
        {
            errors.Add("dataTypes is empty: the composition's properties need data types.");
        }

        var dataTypeKeys = new Dictionary<Guid, int>();
        for (var i = 0; i < DataTypes.Count; i++)
        {
            var dataType = DataTypes[i];
            var path = $"dataTypes[{i}]";
            if (dataType.Key == Guid.Empty)
            {
                errors.Add($"{path}.key is missing or empty: give each data type a fixed GUID.");
            }
            else if (!dataTypeKeys.TryAdd(dataType.Key, i))
            {
                errors.Add($"{path}.key {dataType.Key} is a duplicate of dataTypes[{dataTypeKeys[dataType.Key]}].key.");
            }

            RequireText(errors, $"{path}.name", dataType.Name, 255);
            RequireText(errors, $"{path}.editorAlias", dataType.EditorAlias, 255);
            RequireText(errors, $"{path}.editorUiAlias", dataType.EditorUiAlias, 255);
            foreach (var (name, value) in dataType.Configuration)
            {
                ValidateConfigurationValue(errors, $"{path}.configuration.{name}", value);
            }
        }

        var composition = Composition;
        const string Root = "composition";
        if (composition.Key == Guid.Empty)
        {
            errors.Add($"{Root}.key is missing or empty: give the composition a fixed GUID.");
        }

        RequireAlias(errors, $"{Root}.alias", composition.Alias);
        RequireText(errors, $"{Root}.name", composition.Name, 255);
        RequireText(errors, $"{Root}.icon", composition.Icon, 255);
        if (composition.Tabs.Count == 0)
        {
            errors.Add($"{Root}.tabs is empty.");
        }

        var tabAliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var propertyAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < composition.Tabs.Count; t++)
        {
            var tab = composition.Tabs[t];
            var tabPath = $"{Root}.tabs[{t}]";
            RequireAlias(errors, $"{tabPath}.alias", tab.Alias);
            if (!tabAliases.Add(tab.Alias))
            {
                errors.Add($"{tabPath}.alias '{tab.Alias}' is used by another tab.");
            }

            RequireText(errors, $"{tabPath}.name", tab.Name, 255);
            var groupAliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var g = 0; g < tab.Groups.Count; g++)
            {
                var group = tab.Groups[g];
                var groupPath = $"{tabPath}.groups[{g}]";
                RequireAlias(errors, $"{groupPath}.alias", group.Alias);
                if (!groupAliases.Add(group.Alias))
                {
                    errors.Add($"{groupPath}.alias '{group.Alias}' is used by another group of the tab.");
                }

                RequireText(errors, $"{groupPath}.name", group.Name, 255);
                for (var p = 0; p < group.Properties.Count; p++)
                {
                    var property = group.Properties[p];
                    var propertyPath = $"{groupPath}.properties[{p}]";
                    RequireAlias(errors, $"{propertyPath}.alias", property.Alias);
                    if (!propertyAliases.TryAdd(property.Alias, propertyPath))
                    {
                        errors.Add($"{propertyPath}.alias '{property.Alias}' is a duplicate of {propertyAliases[property.Alias]}.");
                    }

                    RequireText(errors, $"{propertyPath}.name", property.Name, 255);
                    if (!dataTypeKeys.ContainsKey(property.DataType))
                    {
                        errors.Add($"{propertyPath}.dataType {property.DataType} is not the key of any entry of dataTypes.");
                    }

                    if ((property.Variation & ~composition.Variation) != 0)
                    {
                        errors.Add($"{propertyPath}.variation '{property.Variation}' needs the composition to vary the same way ({Root}.variation is '{composition.Variation}').");
                    }
                }
            }
        }

        return errors;
    }

    private static void ValidateConfigurationValue(List<string> errors, string path, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                errors.Add($"{path} is null: leave the setting out instead.");
                break;
            case JsonValueKind.String when PlaceholderPattern().IsMatch(value.GetString()!)
                && value.GetString() is not (StagesPlaceholder or KindsPlaceholder):
                errors.Add($"{path} uses the unknown placeholder '{value.GetString()}' (known: {StagesPlaceholder}, {KindsPlaceholder}).");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    ValidateConfigurationValue(errors, $"{path}[{i++}]", item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    ValidateConfigurationValue(errors, $"{path}.{property.Name}", property.Value);
                }

                break;
        }
    }

    private static void RequireText(List<string> errors, string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is missing or empty.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add($"{path} is longer than {maxLength} characters.");
        }
    }

    private static void RequireAlias(List<string> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is missing or empty.");
        }
        else if (!AliasPattern().IsMatch(value))
        {
            errors.Add($"{path} '{value}' is not a valid alias: start with a letter, then letters and digits only.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^\$[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}

/// <summary>A data type of the composition (<c>dataTypes[]</c>).</summary>
public sealed record JourneyDataTypeDefinition
{
    /// <summary>The data type's fixed key; never change it, sites' properties point to it.</summary>
    public required Guid Key { get; init; }

    /// <summary>The name shown in the back office, for example "Journey – Stage".</summary>
    public required string Name { get; init; }

    /// <summary>The property editor schema alias (the server-side editor), for example <c>Umbraco.CheckBoxList</c>.</summary>
    public required string EditorAlias { get; init; }

    /// <summary>The property editor UI alias (Umbraco 14+ back office), for example <c>Umb.PropertyEditorUi.CheckBoxList</c>.</summary>
    public required string EditorUiAlias { get; init; }

    /// <summary>The configuration, by Umbraco configuration key; values may be the placeholders <c>"$stages"</c> and <c>"$kinds"</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Configuration { get; init; } = new Dictionary<string, JsonElement>();
}

/// <summary>The composition (<c>composition</c>).</summary>
public sealed record JourneyTypeDefinition
{
    /// <summary>The composition's fixed key.</summary>
    public required Guid Key { get; init; }

    /// <summary>The alias, <see cref="JourneyProperties.CompositionAlias"/>.</summary>
    public required string Alias { get; init; }

    /// <summary>The name shown in the back office.</summary>
    public required string Name { get; init; }

    /// <summary>The back-office icon, for example <c>icon-navigation-road</c>.</summary>
    public required string Icon { get; init; }

    /// <summary>The description shown in the back office.</summary>
    public string? Description { get; init; }

    /// <summary>True for an element type; the Journey composition is a document type (false).</summary>
    public bool IsElement { get; init; }

    /// <summary>How the composition varies (<c>nothing</c> or <c>culture</c>); it must allow every variation its properties use.</summary>
    public ContentVariation Variation { get; init; }

    /// <summary>The tabs, each holding groups of properties.</summary>
    public required IReadOnlyList<JourneyTabDefinition> Tabs { get; init; }
}

/// <summary>A tab of the composition (<c>composition.tabs[]</c>).</summary>
public sealed record JourneyTabDefinition
{
    /// <summary>The tab's alias, for example <c>journey</c>.</summary>
    public required string Alias { get; init; }

    /// <summary>The tab's name.</summary>
    public required string Name { get; init; }

    /// <summary>The tab's position among the document type's tabs.</summary>
    public int SortOrder { get; init; }

    /// <summary>The groups of the tab.</summary>
    public required IReadOnlyList<JourneyGroupDefinition> Groups { get; init; }
}

/// <summary>A group of a tab (<c>composition.tabs[].groups[]</c>); Umbraco's alias is <c>tabAlias/groupAlias</c>.</summary>
public sealed record JourneyGroupDefinition
{
    /// <summary>The group's alias within its tab, for example <c>stage</c>.</summary>
    public required string Alias { get; init; }

    /// <summary>The group's name.</summary>
    public required string Name { get; init; }

    /// <summary>The group's position within the tab.</summary>
    public int SortOrder { get; init; }

    /// <summary>The properties of the group.</summary>
    public required IReadOnlyList<JourneyPropertyDefinition> Properties { get; init; }
}

/// <summary>A property of the composition (<c>composition.tabs[].groups[].properties[]</c>).</summary>
public sealed record JourneyPropertyDefinition
{
    /// <summary>The property alias, one of <see cref="JourneyProperties"/>.</summary>
    public required string Alias { get; init; }

    /// <summary>The property's name (English).</summary>
    public required string Name { get; init; }

    /// <summary>The help text shown under the name.</summary>
    public string? Description { get; init; }

    /// <summary>The key of the property's data type, one of <see cref="JourneyCompositionDefinition.DataTypes"/>.</summary>
    public required Guid DataType { get; init; }

    /// <summary>Whether a value is required; the package leaves all false (<c>RequireStage</c> is enforced at publish time).</summary>
    public bool Mandatory { get; init; }

    /// <summary>The property's position within its group.</summary>
    public int SortOrder { get; init; }

    /// <summary>How the property varies (<c>nothing</c> or <c>culture</c>), applied when the property is created.</summary>
    public ContentVariation Variation { get; init; }
}
