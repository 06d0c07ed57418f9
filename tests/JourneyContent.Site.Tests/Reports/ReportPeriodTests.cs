using System.Globalization;
using JourneyContent.Web.Reports;

namespace JourneyContent.Site.Tests.Reports;

/// <summary>The period of a report: how the query's days are read, the previous period and the presets.</summary>
public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData(null, null, ReportPeriodProblem.None, null, null)]
    [InlineData("2026-11-01", "2026-11-30", ReportPeriodProblem.None, "2026-11-01", "2026-11-30")]
    [InlineData("2026-11-30", "2026-11-30", ReportPeriodProblem.None, "2026-11-30", "2026-11-30")]
    [InlineData("2026-12-01", "2026-11-30", ReportPeriodProblem.Reversed, null, null)]
    [InlineData("30/11/2026", "2026-12-01", ReportPeriodProblem.BadFrom, null, "2026-12-01")]
    [InlineData("2026-11-01", "tomorrow", ReportPeriodProblem.BadTo, "2026-11-01", null)]
    [InlineData(" 2026-11-01 ", "", ReportPeriodProblem.None, "2026-11-01", null)]
    public void The_days_of_a_query_are_read_or_refused(string? from, string? to, ReportPeriodProblem problem, string? first, string? last)
    {
        var found = ReportPeriod.TryParse(from, to, out var period);

        Assert.Equal(problem, found);
        Assert.Equal(first, period.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(last, period.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-04", "2026-12-03", "2026-10-05", "2026-11-03")]
    [InlineData("2026-12-03", "2026-12-03", "2026-12-02", "2026-12-02")]
    [InlineData("2026-03-01", "2026-03-31", "2026-01-29", "2026-02-28")]
    public void The_previous_period_has_as_many_days_and_ends_the_day_before(string from, string to, string previousFrom, string previousTo)
    {
        var period = new ReportPeriod(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));

        Assert.Equal(new ReportPeriod(DateOnly.Parse(previousFrom, CultureInfo.InvariantCulture), DateOnly.Parse(previousTo, CultureInfo.InvariantCulture)), period.Previous);
    }

    [Fact]
    public void An_open_period_has_no_previous_one()
    {
        Assert.Null(ReportPeriod.AllTime.Previous);
        Assert.Null(new ReportPeriod(new DateOnly(2026, 1, 1), null).Previous);
    }

    [Theory]
    [InlineData("2026-12-03", "this-quarter", "2026-10-01")]
    [InlineData("2026-01-01", "this-quarter", "2026-01-01")]
    [InlineData("2026-06-30", "this-quarter", "2026-04-01")]
    [InlineData("2026-12-03", "last-7-days", "2026-11-27")]
    [InlineData("2026-03-01", "last-30-days", "2026-01-31")]
    public void Presets_end_today_and_start_where_their_name_says(string today, string preset, string first)
    {
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);

        var period = ReportPeriod.Presets(day).Single(p => p.Key == preset).Period;

        Assert.Equal(DateOnly.Parse(first, CultureInfo.InvariantCulture), period.From);
        Assert.Equal(day, period.To);
    }

    [Theory]
    [InlineData("en-GB", "3 Dec 2026", "3 Dec")]
    [InlineData("en-US", "Dec 3, 2026", "Dec 3")]
    [InlineData("fr-FR", "3 déc. 2026", "3 déc.")]
    [InlineData("de-DE", "3. Dez. 2026", "3. Dez.")]
    public void Days_are_written_in_the_readers_culture_never_as_month_dash_day(string culture, string full, string axis)
    {
        var info = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(full, ReportPeriod.Format(new DateOnly(2026, 12, 3), info));
        Assert.Equal(axis, ReportPeriod.FormatShort(new DateOnly(2026, 12, 3), info));
    }
}
