namespace JourneyContent.Reports.Transitions;

/// <summary>How many moves went from one stage to another.</summary>
/// <param name="From">The stage left; null for a visitor's first stage.</param>
/// <param name="To">The stage entered.</param>
/// <param name="Count">How many moves.</param>
public sealed record TransitionCell(string? From, string To, int Count);

/// <summary>Stage transitions: the from → to matrix, the median time spent in each stage before leaving it, and the backward moves.</summary>
/// <param name="Cells">Non-empty cells.</param>
/// <param name="MedianTimeInStage">By stage key: the median time between entering the stage and leaving it (only stays that ended in the range); absent when none ended.</param>
/// <param name="Moves">Moves between two stages (first stages excluded).</param>
/// <param name="Backward">Of those, the moves to an earlier stage.</param>
public sealed record TransitionReport(IReadOnlyList<TransitionCell> Cells, IReadOnlyDictionary<string, TimeSpan> MedianTimeInStage, int Moves, int Backward)
{
    /// <summary>The share of moves that went backward, or null without moves.</summary>
    public double? BackwardShare => Moves == 0 ? null : (double)Backward / Moves;
}

/// <summary>The transitions' store query.</summary>
public interface ITransitionsQuery
{
    /// <summary>The transition matrix, median time in stage and backward moves.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="stageOrder">The stage keys in funnel order, so forward and backward are the site's.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<TransitionReport> TransitionsAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken);
}
