namespace JourneyContent.Reports.ContentInfluence;

/// <summary>
/// Content influence from two streams ordered by visitor id (ordinal order), merged: each visitor's first reading of each
/// item, and their moves (transitions with a from stage) in time order. Only one visitor's moves are held at a time, so
/// memory does not grow with the number of visitors. The providers' stores read the rows; this is the merge they share.
/// </summary>
internal sealed class ContentInfluenceTally
{
    private static readonly long InfluenceWindow = TimeSpan.FromDays(14).Ticks;

    private readonly Dictionary<string, int> _order;
    private readonly IAsyncEnumerator<(string VisitorId, long AtTicks, string FromStage, string ToStage)> _moveStream;
    private readonly Dictionary<string, int> _forward = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _readers = new(StringComparer.Ordinal);
    private readonly List<(long At, bool Forward)> _moves = [];
    private bool _movesLeft;
    private bool _started;
    private string? _movesVisitor;

    /// <summary>Merges the first readings given to <see cref="AddReadingAsync"/> with <paramref name="moves"/>.</summary>
    /// <param name="stageOrder">The site's stages, first to last.</param>
    /// <param name="moves">Every visitor's moves, by visitor id (ordinal), then time.</param>
    public ContentInfluenceTally(IReadOnlyList<string> stageOrder, IAsyncEnumerator<(string VisitorId, long AtTicks, string FromStage, string ToStage)> moves)
    {
        _order = ReportStages.Index(stageOrder);
        _moveStream = moves;
    }

    /// <summary>Adds a visitor's first reading of an item at <paramref name="firstTicks"/> (UTC ticks); readings come by visitor id (ordinal).</summary>
    public async Task AddReadingAsync(string visitorId, string contentId, long firstTicks)
    {
        _readers[contentId] = _readers.GetValueOrDefault(contentId) + 1;
        if (!string.Equals(visitorId, _movesVisitor, StringComparison.Ordinal))
        {
            await LoadMovesAsync(visitorId);
        }

        if (_moves.Count == 0)
        {
            return;
        }

        var next = _moves.FindIndex(m => m.At > firstTicks);
        if (next >= 0 && _moves[next].Forward && _moves[next].At <= firstTicks + InfluenceWindow)
        {
            _forward[contentId] = _forward.GetValueOrDefault(contentId) + 1;
        }
    }

    /// <summary>
    /// The rows: every item viewed, then the items asked for without a view (when selected), by views, leads and id.
    /// </summary>
    public IReadOnlyList<ContentInfluenceRow> Build(IReadOnlyDictionary<string, int> views, IReadOnlyDictionary<string, int> leads, IReadOnlySet<string>? contentIds)
    {
        var rows = views.Select(v => new ContentInfluenceRow(v.Key, v.Value, _readers.GetValueOrDefault(v.Key), leads.GetValueOrDefault(v.Key), _forward.GetValueOrDefault(v.Key))).ToList();
        var viewed = rows.Select(r => r.ContentId).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(leads.Where(l => !viewed.Contains(l.Key) && (contentIds is null || contentIds.Contains(l.Key)))
            .Select(l => new ContentInfluenceRow(l.Key, 0, 0, l.Value, 0)));
        return [.. rows.OrderByDescending(r => r.Views).ThenByDescending(r => r.Leads).ThenBy(r => r.ContentId, StringComparer.Ordinal)];
    }

    private async Task LoadMovesAsync(string visitor)
    {
        if (!_started)
        {
            _started = true;
            _movesLeft = await _moveStream.MoveNextAsync();
        }

        _moves.Clear();
        _movesVisitor = visitor;
        // Skip the moves of visitors who read nothing selected.
        while (_movesLeft && string.CompareOrdinal(_moveStream.Current.VisitorId, visitor) < 0)
        {
            _movesLeft = await _moveStream.MoveNextAsync();
        }

        while (_movesLeft && string.Equals(_moveStream.Current.VisitorId, visitor, StringComparison.Ordinal))
        {
            var move = _moveStream.Current;
            _moves.Add((move.AtTicks, _order.GetValueOrDefault(move.ToStage, -1) > _order.GetValueOrDefault(move.FromStage, -1)));
            _movesLeft = await _moveStream.MoveNextAsync();
        }
    }
}
