namespace JourneyContent.Reports.Funnel;

/// <summary>
/// The funnel from one ordered pass over the stage transitions (grouped by visitor, in write order): each visitor's last
/// stage and the furthest stage they reached. The providers' stores read the rows; this is the arithmetic they share.
/// </summary>
/// <param name="stageOrder">The site's stages, first to last.</param>
/// <param name="active">The visitors who count; null for everyone.</param>
internal sealed class FunnelTally(IReadOnlyList<string> stageOrder, IReadOnlySet<string>? active)
{
    private readonly Dictionary<string, int> _order = ReportStages.Index(stageOrder);
    private readonly Dictionary<string, int> _current = new(StringComparer.Ordinal);
    private readonly int[] _highest = new int[stageOrder.Count];
    private string? _visitor;
    private string? _last;
    private int _best = -1;

    /// <summary>Adds a transition; a visitor's transitions come together, in the order they were written.</summary>
    public void Add(string visitorId, string toStage)
    {
        if (!string.Equals(visitorId, _visitor, StringComparison.Ordinal))
        {
            Flush();
            _visitor = visitorId;
            _best = -1;
        }

        _last = toStage;
        _best = Math.Max(_best, _order.GetValueOrDefault(toStage, -1));
    }

    /// <summary>The funnel, with the leads counted by their current stage.</summary>
    public FunnelReport Build(IReadOnlyDictionary<string, int> leadsByStage)
    {
        Flush();
        _visitor = null;
        var stages = new List<FunnelStage>(stageOrder.Count);
        for (var i = 0; i < stageOrder.Count; i++)
        {
            var reached = _highest.Skip(i).Sum();
            var reachedNext = _highest.Skip(i + 1).Sum();
            double? conversion = i + 1 < stageOrder.Count && reached > 0 ? (double)reachedNext / reached : null;
            stages.Add(new FunnelStage(stageOrder[i], _current.GetValueOrDefault(stageOrder[i]), leadsByStage.GetValueOrDefault(stageOrder[i]), reached, conversion));
        }

        return new FunnelReport(stages);
    }

    private void Flush()
    {
        if (_visitor is null || (active is not null && !active.Contains(_visitor)))
        {
            return;
        }

        _current[_last!] = _current.GetValueOrDefault(_last!) + 1;
        if (_best >= 0)
        {
            _highest[_best]++;
        }
    }
}
