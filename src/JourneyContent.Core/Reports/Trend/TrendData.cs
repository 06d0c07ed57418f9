namespace JourneyContent.Reports.Trend;

/// <summary>Leads captured in one week, by the stage each had at the end of that week.</summary>
/// <param name="WeekStart">The Monday of the ISO week.</param>
/// <param name="ByStage">Leads by stage key (stages without leads are absent); untagged leads under the empty key.</param>
public sealed record TrendWeek(DateOnly WeekStart, IReadOnlyDictionary<string, int> ByStage)
{
    /// <summary>All leads of the week.</summary>
    public int Total => ByStage.Values.Sum();
}

/// <summary>The trend's store query.</summary>
public interface ITrendQuery
{
    /// <summary>Leads captured per ISO week, by the stage each had at the end of its week (so a past week does not change), oldest week first.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<TrendWeek>> TrendAsync(ReportFilter filter, CancellationToken cancellationToken);
}
