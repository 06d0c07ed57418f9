using System.Globalization;

namespace JourneyContent.Web.Reports;

/// <summary>The days a report covers: a first and a last day, both included, as UTC calendar days; either end may be open.</summary>
/// <remarks>
/// The query string writes them <c>from=yyyy-MM-dd</c> and <c>to=yyyy-MM-dd</c>. A period with no end at all is "all time".
/// The previous period of a bounded one has the same number of days and ends the day before it starts.
/// </remarks>
public sealed record ReportPeriod
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>Creates a period.</summary>
    /// <exception cref="ArgumentException">When <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public ReportPeriod(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new ArgumentException($"The last day ({t:yyyy-MM-dd}) is before the first ({f:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Every day stored.</summary>
    public static ReportPeriod AllTime { get; } = new(null, null);

    /// <summary>The first day; null for the beginning.</summary>
    public DateOnly? From { get; }

    /// <summary>The last day, included; null for today.</summary>
    public DateOnly? To { get; }

    /// <summary>True when neither end is set.</summary>
    public bool IsAllTime => From is null && To is null;

    /// <summary>The number of days of a bounded period; null when an end is open.</summary>
    public int? Days => From is { } f && To is { } t ? t.DayNumber - f.DayNumber + 1 : null;

    /// <summary>The period of the same length just before this one; null unless both ends are set.</summary>
    public ReportPeriod? Previous => From is { } f && Days is { } days ? new ReportPeriod(f.AddDays(-days), f.AddDays(-1)) : null;

    /// <summary>Today in UTC by the site's clock: the day the presets end on.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The presets offered above every report: the last 7, 30 and 90 days and this quarter, each ending <paramref name="today"/>.</summary>
    public static IReadOnlyList<ReportPreset> Presets(DateOnly today)
    {
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return
        [
            new("last-7-days", new(today.AddDays(-6), today)),
            new("last-30-days", new(today.AddDays(-29), today)),
            new("last-90-days", new(today.AddDays(-89), today)),
            new("this-quarter", new(quarter, today)),
        ];
    }

    /// <summary>Reads the period of a query.</summary>
    /// <param name="from">The first day as typed.</param>
    /// <param name="to">The last day as typed.</param>
    /// <param name="period">The period read; an end that could not be read is open.</param>
    /// <returns>What was wrong with the query, or <see cref="ReportPeriodProblem.None"/>.</returns>
    public static ReportPeriodProblem TryParse(string? from, string? to, out ReportPeriod period)
    {
        var problem = ReportPeriodProblem.None;
        DateOnly? Day(string? text, ReportPeriodProblem bad)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problem = problem == ReportPeriodProblem.None ? bad : problem;
            return null;
        }

        var first = Day(from, ReportPeriodProblem.BadFrom);
        var last = Day(to, ReportPeriodProblem.BadTo);
        if (first is { } f && last is { } l && l < f)
        {
            period = AllTime;
            return ReportPeriodProblem.Reversed;
        }

        period = new ReportPeriod(first, last);
        return problem;
    }

    /// <summary>The query with this period's days in place of its own.</summary>
    public ReportQuery ApplyTo(ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with { From = From?.ToString(DayFormat, CultureInfo.InvariantCulture), To = To?.ToString(DayFormat, CultureInfo.InvariantCulture) };
    }

    /// <summary>The first moment included, UTC; null when open.</summary>
    public DateTimeOffset? Start => From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first moment excluded (midnight after the last day), UTC; null when open.</summary>
    public DateTimeOffset? End => To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>A day as the reader's culture writes it in a sentence: its abbreviated month, with the year.</summary>
    public static string Format(DateOnly day, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return day.ToString(ShortLong(culture), culture);
    }

    /// <summary>A day as a chart axis writes it: day and abbreviated month in the reader's culture's order, no year.</summary>
    public static string FormatShort(DateOnly day, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return day.ToString(culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal), culture);
    }

    // The culture's long date without the weekday and with the abbreviated month: "Dec 3, 2026", "3 déc. 2026", "3. Dez. 2026".
    private static string ShortLong(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd", string.Empty, StringComparison.Ordinal).Replace("MMMM", "MMM", StringComparison.Ordinal);
        return pattern.Trim(' ', ',');
    }
}

/// <summary>One preset period of the report pages.</summary>
/// <param name="Key">Its key, which names its label (<c>ReportPreset.</c> + key in the text catalogue).</param>
/// <param name="Period">Its days.</param>
public sealed record ReportPreset(string Key, ReportPeriod Period);

/// <summary>What was wrong with the days of a query.</summary>
public enum ReportPeriodProblem
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The first day is not <c>yyyy-MM-dd</c>; it was left open.</summary>
    BadFrom,

    /// <summary>The last day is not <c>yyyy-MM-dd</c>; it was left open.</summary>
    BadTo,

    /// <summary>The last day is before the first.</summary>
    Reversed,
}
