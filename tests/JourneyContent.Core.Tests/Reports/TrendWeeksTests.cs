using JourneyContent.Content;
using JourneyContent.Reports;
using JourneyContent.Reports.Catalog;
using JourneyContent.Reports.Trend;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Reports;

/// <summary>The trend's weeks are continuous: a week without leads is a column of zeros, so the axis is evenly spaced.</summary>
public sealed class TrendWeeksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Weeks_without_leads_between_two_weeks_with_leads_become_zeros_up_to_this_week()
    {
        var weeks = TrendEntry.Continuous([Week(2026, 11, 2, 3), Week(2026, 11, 16, 1)], Context(ReportFilter.All));

        Assert.Equal([new DateOnly(2026, 11, 2), new(2026, 11, 9), new(2026, 11, 16), new(2026, 11, 23), new(2026, 11, 30)], weeks.Select(w => w.WeekStart));
        Assert.Equal([3, 0, 1, 0, 0], weeks.Select(w => w.Total));
    }

    [Fact]
    public void A_bounded_period_runs_from_the_week_of_its_first_day_to_the_week_of_its_last()
    {
        var filter = new ReportFilter { From = new DateTimeOffset(2026, 10, 21, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero) };

        var weeks = TrendEntry.Continuous([], Context(filter));

        // 21 October is a Wednesday (week of the 19th); the last day, 2 November, is a Monday.
        Assert.Equal([new DateOnly(2026, 10, 19), new(2026, 10, 26), new(2026, 11, 2)], weeks.Select(w => w.WeekStart));
    }

    [Fact]
    public void A_period_of_centuries_keeps_to_the_weeks_with_leads()
    {
        var filter = new ReportFilter { From = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var weeks = TrendEntry.Continuous([Week(2026, 11, 2, 1), Week(2026, 11, 16, 1)], Context(filter));

        Assert.Equal(3, weeks.Count);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-12-03", "2026-11-30")]
    [InlineData("2026-12-06", "2026-11-30")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void A_week_starts_on_its_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), TrendEntry.Monday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    private static TrendWeek Week(int year, int month, int day, int leads) =>
        new(new DateOnly(year, month, day), new Dictionary<string, int>(StringComparer.Ordinal) { ["awareness"] = leads });

    private static ReportContext Context(ReportFilter filter) =>
        new(null!, filter, StageModel.Default, ContentSnapshot.Empty, Now);
}
