namespace JourneyContent.Reports;

/// <summary>Small pieces of report arithmetic the providers' stores share.</summary>
internal static class ReportStages
{
    private static readonly TimeSpan InactiveAfter = TimeSpan.FromDays(30);

    /// <summary>Each stage key's position in the funnel.</summary>
    public static Dictionary<string, int> Index(IReadOnlyList<string> stageOrder) =>
        stageOrder.Select((key, index) => (key, index)).ToDictionary(s => s.key, s => s.index, StringComparer.Ordinal);

    /// <summary>The median of durations in ticks (the mean of the middle two for an even count); sorts the list.</summary>
    public static TimeSpan Median(List<long> ticks)
    {
        ticks.Sort();
        var middle = ticks.Count / 2;
        return TimeSpan.FromTicks(ticks.Count % 2 == 1 ? ticks[middle] : (ticks[middle - 1] + ticks[middle]) / 2);
    }

    /// <summary>Leads last active before this are inactive: 30 days before the range's end, or before now when it is later.</summary>
    public static DateTimeOffset InactiveCutoff(ReportFilter filter, DateTimeOffset now) =>
        (filter.To is { } to && to < now ? to : now) - InactiveAfter;

    /// <summary>The drop-off report from leads and inactive leads by stage: the stage that loses most is the first with the most inactive.</summary>
    public static DropOff.DropOffReport DropOff(IReadOnlyList<string> stageOrder, IReadOnlyDictionary<string, (int Leads, int Inactive)> counts)
    {
        var rows = stageOrder.Select(s => new DropOff.DropOffRow(s, counts.GetValueOrDefault(s).Leads, counts.GetValueOrDefault(s).Inactive)).ToList();
        var worst = rows.Where(r => r.Inactive > 0).OrderByDescending(r => r.Inactive).FirstOrDefault();
        return new DropOff.DropOffReport(rows, worst?.Stage);
    }
}
