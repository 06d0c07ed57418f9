using JourneyContent.Reports.Catalog;

namespace JourneyContent.Reports.Trend;

/// <summary>Trend: leads captured per ISO week, by the stage each lead had at the end of that week.</summary>
/// <remarks>A week without leads is a column of zeros, not a missing column, so the weeks along the axis are evenly spaced.</remarks>
public sealed class TrendEntry : ReportEntry
{
    /// <summary>The most weeks filled with zeros (ten years).</summary>
    private const int MaxWeeks = 520;

    /// <inheritdoc />
    public override ReportDefinition Definition { get; } = new(
        "trend", "ReportTrendTitle", "ReportTrendDescription", ReportFilters.All,
        [
            new("week_start", "ReportColumnWeekOf", ReportValueKind.Date),
            new("leads_", "ReportColumnLeadsInStage", ReportValueKind.Integer, ColumnRepeat.PerStage),
            new("total", "ReportColumnTotal", ReportValueKind.Integer),
        ],
        ReportChartKind.StackedColumns, "ReportTrendChart");

    /// <inheritdoc />
    protected override async Task<ReportBody> ComputeAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ITrendQuery query = context.Store;
        var weeks = Continuous(await query.TrendAsync(context.Filter, cancellationToken).ConfigureAwait(false), context);
        var keys = context.StageOrder;
        return new ReportBody(
            [.. weeks.Select(w => new ReportRow([w.WeekStart, .. keys.Select(k => (object?)w.ByStage.GetValueOrDefault(k)), w.Total]))],
            new ReportChart(ReportChartKind.StackedColumns,
                [.. keys.Select(k => new ChartSeries(new(ReportValueKind.Stage, k),
                    [.. weeks.Select(w => new ChartPoint(new(ReportValueKind.Date, w.WeekStart), w.ByStage.GetValueOrDefault(k), new(ReportValueKind.Integer, w.ByStage.GetValueOrDefault(k)), k))],
                    k))]));
    }

    /// <summary>Every week from the period's first (the first with leads when open) to its last (this week when open), weeks without leads as zeros.</summary>
    internal static IReadOnlyList<TrendWeek> Continuous(IReadOnlyList<TrendWeek> weeks, ReportContext context)
    {
        var first = context.Filter.From is { } from ? Monday(DateOnly.FromDateTime(from.UtcDateTime)) : weeks.Count > 0 ? weeks.Min(w => w.WeekStart) : (DateOnly?)null;
        var end = context.Filter.To is { } to && to < context.Now ? to.AddTicks(-1) : context.Now;
        var last = Monday(DateOnly.FromDateTime(end.UtcDateTime));
        if (first is not { } start || last < start)
        {
            return weeks;
        }

        // A period of centuries (from=0001-01-01) would be thousands of empty columns: keep to the weeks with data then.
        if (last.DayNumber - start.DayNumber > MaxWeeks * 7 && weeks.Count > 0)
        {
            (start, last) = (weeks.Min(w => w.WeekStart), weeks.Max(w => w.WeekStart));
        }

        if (last.DayNumber - start.DayNumber > MaxWeeks * 7)
        {
            return weeks;
        }

        var known = weeks.ToDictionary(w => w.WeekStart);
        var all = new List<TrendWeek>();
        for (var week = start; week <= last; week = week.AddDays(7))
        {
            all.Add(known.TryGetValue(week, out var found) ? found : new TrendWeek(week, new Dictionary<string, int>(StringComparer.Ordinal)));
        }

        // A store's week the range does not cover (it cannot happen with a well-behaved store) is kept rather than lost.
        all.AddRange(weeks.Where(w => w.WeekStart < start || w.WeekStart > last));
        return [.. all.OrderBy(w => w.WeekStart)];
    }

    /// <summary>The Monday of <paramref name="day"/>'s ISO week.</summary>
    internal static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
