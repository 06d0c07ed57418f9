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

    /// <summary>The UTC ticks of a stored time, read without the general parser: reports read hundreds of thousands of them.</summary>
    public static long Ticks(string value)
    {
        if (value.Length == 28 && value[4] == '-' && value[10] == 'T' && value[19] == '.' && value[27] == 'Z')
        {
            static int Digits(string s, int start, int count)
            {
                var n = 0;
                for (var i = start; i < start + count; i++)
                {
                    n = (n * 10) + (s[i] - '0');
                }

                return n;
            }

            var date = new DateTime(Digits(value, 0, 4), Digits(value, 5, 2), Digits(value, 8, 2), Digits(value, 11, 2), Digits(value, 14, 2), Digits(value, 17, 2), DateTimeKind.Utc);
            return date.Ticks + Digits(value, 20, 7);
        }

        return FromText(value).UtcTicks;
    }
}
