namespace JourneyContent.Reports.Transitions;

/// <summary>
/// The transition matrix from the transitions in the range, each with the time of the visitor's previous one: counts,
/// moves, backward moves and the median stay in each stage left. The providers' stores read the rows; this is the
/// arithmetic they share.
/// </summary>
/// <param name="stageOrder">The site's stages, first to last.</param>
/// <param name="active">The visitors who count; null for everyone.</param>
internal sealed class TransitionTally(IReadOnlyList<string> stageOrder, IReadOnlySet<string>? active)
{
    private readonly Dictionary<string, int> _order = ReportStages.Index(stageOrder);
    private readonly Dictionary<(string?, string), int> _cells = [];
    private readonly Dictionary<string, List<long>> _stays = new(StringComparer.Ordinal);
    private int _moves;
    private int _backward;

    /// <summary>Adds a transition at <paramref name="atTicks"/> (UTC ticks); <paramref name="previousTicks"/> is the visitor's previous one, if any.</summary>
    public void Add(string visitorId, string? fromStage, string toStage, long atTicks, long? previousTicks)
    {
        if (active is not null && !active.Contains(visitorId))
        {
            return;
        }

        _cells[(fromStage, toStage)] = _cells.GetValueOrDefault((fromStage, toStage)) + 1;
        if (fromStage is null)
        {
            return;
        }

        _moves++;
        if (_order.TryGetValue(fromStage, out var f) && _order.TryGetValue(toStage, out var t) && t < f)
        {
            _backward++;
        }

        if (previousTicks is { } previous)
        {
            if (!_stays.TryGetValue(fromStage, out var list))
            {
                _stays[fromStage] = list = [];
            }

            list.Add(atTicks - previous);
        }
    }

    /// <summary>The matrix in stage order; cells of unknown stages keep the order they were first seen in.</summary>
    public TransitionReport Build()
    {
        var medians = _stays.ToDictionary(s => s.Key, s => ReportStages.Median(s.Value), StringComparer.Ordinal);
        var ordered = _cells
            .OrderBy(c => c.Key.Item1 is null ? -1 : _order.GetValueOrDefault(c.Key.Item1, int.MaxValue))
            .ThenBy(c => _order.GetValueOrDefault(c.Key.Item2, int.MaxValue))
            .Select(c => new TransitionCell(c.Key.Item1, c.Key.Item2, c.Value))
            .ToList();
        return new TransitionReport(ordered, medians, _moves, _backward);
    }
}
