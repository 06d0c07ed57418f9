using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>Converts the definition's JSON configuration values to what Umbraco keeps in a data type, and compares them.</summary>
/// <remarks>
/// <para>Values are given in the shapes that Umbraco 17's own configuration JSON handling (System.Text.Json into
/// <c>Dictionary&lt;string, object&gt;</c>) produces and that its configuration editors and validators accept: an array
/// of strings is a <see cref="List{T}"/> of <see cref="string"/>, any other array a <see cref="JsonArray"/>, an object a
/// <see cref="JsonObject"/>, a whole number an <see cref="int"/> (or <see cref="long"/>), any other number a
/// <see cref="decimal"/>, strings and booleans themselves.</para>
/// <para>Why string lists matter: <c>ValueListUniqueValueValidator</c> (umbraco/Umbraco-CMS,
/// src/Umbraco.Infrastructure/PropertyEditors/ValueListUniqueValueValidator.cs), which guards the <c>items</c> of
/// CheckBoxList and Dropdown, accepts only <c>IEnumerable&lt;string&gt;</c> or JSON text; an <c>object[]</c> makes
/// <c>IDataTypeService.CreateAsync</c> answer <c>InvalidConfiguration</c>.</para>
/// <para>Comparisons go through JSON, so <c>1</c> and <c>1.0</c>, or a <c>List&lt;string&gt;</c> and an <c>object[]</c>
/// of the same strings (as a reloaded data type may hold them), are equal.</para>
/// </remarks>
internal static class ConfigurationValues
{
    /// <summary>The value in the shape Umbraco's configuration editors expect.</summary>
    public static object ToUmbracoValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            value.EnumerateArray().Select(e => e.GetString()!).ToList(),
        JsonValueKind.Array => JsonArray.Create(value.Clone())!,
        JsonValueKind.Object => JsonObject.Create(value.Clone())!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String => value.GetString()!,
        _ => throw new ArgumentException($"A configuration value cannot be {value.ValueKind}.", nameof(value)),
    };

    /// <summary>True when <paramref name="existing"/> (any shape Umbraco gives) holds the same JSON as <paramref name="desired"/>.</summary>
    public static bool AreEqual(object? existing, JsonElement desired)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(existing)), JsonNode.Parse(desired.GetRawText()));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // A value that cannot be written as JSON is not ours: it is replaced.
            return false;
        }
    }

    /// <summary>
    /// <paramref name="current"/> with every key of <paramref name="desired"/> set to its value; keys the definition does
    /// not name (settings a site added) are kept.
    /// </summary>
    public static Dictionary<string, object> Merge(IDictionary<string, object>? current, IReadOnlyDictionary<string, JsonElement> desired)
    {
        var merged = current is null ? new Dictionary<string, object>(StringComparer.Ordinal) : new Dictionary<string, object>(current, StringComparer.Ordinal);
        foreach (var (key, value) in desired)
        {
            merged[key] = ToUmbracoValue(value);
        }

        return merged;
    }

    /// <summary>The keys of <paramref name="desired"/> whose value in <paramref name="current"/> is missing or different.</summary>
    public static IReadOnlyList<string> Drifted(IDictionary<string, object>? current, IReadOnlyDictionary<string, JsonElement> desired) =>
        [.. desired.Where(d => current is null || !current.TryGetValue(d.Key, out var value) || !AreEqual(value, d.Value)).Select(d => d.Key)];
}
