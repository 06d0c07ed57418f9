using System.Globalization;

namespace JourneyContent.Web.Leads;

/// <summary>
/// When a stage lock asked for in a back office ends: a number of days from now, or the end (UTC) of a chosen day,
/// which is included. One rule for the standalone form and the Umbraco API.
/// </summary>
public static class StageLockExpiry
{
    /// <summary>The choice of a day rather than a number of days.</summary>
    public const string DateChoice = "date";

    /// <summary>The error code of a day that is not <c>yyyy-MM-dd</c>.</summary>
    public const string BadDate = "StageLock.BadDate";

    // A day-count beyond this is refused as too long by the use case without overflowing a date.
    private const int MaxDays = 100_000;

    /// <summary>
    /// The expiry of <paramref name="duration"/> (a number of days, or <see cref="DateChoice"/> for <paramref name="until"/>,
    /// <c>yyyy-MM-dd</c>); null when none was given, or when the day cannot be read (<paramref name="badDate"/>).
    /// </summary>
    public static DateTimeOffset? From(string? duration, string? until, DateTimeOffset now, out bool badDate)
    {
        badDate = false;
        if (string.Equals(duration, DateChoice, StringComparison.Ordinal))
        {
            if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                badDate = !string.IsNullOrWhiteSpace(until);
                return null;
            }

            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : start.AddDays(1);
        }

        return int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? now.AddDays(Math.Min(days, MaxDays))
            : null;
    }
}
