using System.Globalization;

namespace JourneyContent.Sqlite;

/// <summary>How every timestamp is stored: ISO 8601 UTC text with a fixed width, so that text order is time order.</summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTimeOffset? value) => value is { } v ? ToText(v) : null;

    public static DateTimeOffset FromText(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? FromNullableText(string? value) => value is null ? null : FromText(value);
}
