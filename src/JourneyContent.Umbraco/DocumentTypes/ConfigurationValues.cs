using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>Converts the definition's JSON configuration values to what Umbraco keeps in a data type, and compares them.</summary>
/// <remarks>
/// Umbraco reads a data type's configuration from the database with its configuration-editor serializer, which gives
/// arrays as <c>object[]</c>, objects as <see cref="JsonObject"/>, numbers as <see cref="int"/>, <see cref="long"/> or
/// <see cref="double"/>, and strings and booleans as themselves. New values are given the same shapes, so that a
/// configuration object built from a freshly created data type and from a reloaded one are alike. Comparisons go through
/// JSON, so <c>1</c> and <c>1.0</c>, or a <c>List&lt;string&gt;</c> and an <c>object[]</c> of the same strings, are equal.
/// </remarks>
internal static class ConfigurationValues
{
    /// <summary>The value as Umbraco would hold it after reading it from the database.</summary>
    public static object ToUmbracoValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(ToUmbracoValue).ToArray(),
        JsonValueKind.Object => JsonObject.Create(value.Clone())!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
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
