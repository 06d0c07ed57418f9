using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>A stored history turned into a latent-stage model's observations, grouped by visitor, for <see cref="LatentStageFitter"/>.</summary>
/// <remarks>Events on content the site does not know, and declared stages the stage model lacks, are skipped and counted,
/// as replay counts them. Each observation is 24 bytes, so a million events take about 24 MB; events of a visitor keep
/// their order, and each visitor's list is sorted by time.</remarks>
public sealed class LatentHistory
{
    private LatentHistory(IReadOnlyList<LatentObservation[]> visitors, long events, long unknownContent, long unknownStages)
    {
        Visitors = visitors;
        Events = events;
        UnknownContent = unknownContent;
        UnknownStages = unknownStages;
    }

    /// <summary>Each visitor's observations, in time order.</summary>
    public IReadOnlyList<LatentObservation[]> Visitors { get; }

    /// <summary>The events kept.</summary>
    public long Events { get; }

    /// <summary>Events skipped because their content is not in the site's content.</summary>
    public long UnknownContent { get; }

    /// <summary>Declared-stage events skipped because the stage model lacks their stage.</summary>
    public long UnknownStages { get; }

    /// <summary>Reads <paramref name="events"/> against <paramref name="content"/> (made with <paramref name="model"/>), indexing items in <paramref name="catalogue"/>.</summary>
    public static LatentHistory Read(IEnumerable<JourneyEvent> events, CompiledInferenceModel model, ContentSignalIndex content, LatentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new Builder(model, content, catalogue);
        foreach (var e in events)
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    /// <summary>Reads a streamed history (the store's) as <see cref="Read"/> does.</summary>
    public static async Task<LatentHistory> ReadAsync(IAsyncEnumerable<JourneyEvent> events, CompiledInferenceModel model, ContentSignalIndex content, LatentCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new Builder(model, content, catalogue);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    private sealed class Builder
    {
        private readonly StageModel _stages;
        private readonly ContentSignalIndex _content;
        private readonly LatentCatalogue _catalogue;
        private readonly Dictionary<string, List<LatentObservation>> _byVisitor = new(StringComparer.Ordinal);
        private long _kept;
        private long _unknownContent;
        private long _unknownStages;

        public Builder(CompiledInferenceModel model, ContentSignalIndex content, LatentCatalogue catalogue)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(content);
            ArgumentNullException.ThrowIfNull(catalogue);
            _stages = model.Stages;
            _content = content;
            _catalogue = catalogue;
        }

        public void Add(JourneyEvent e)
        {
            var item = -1;
            var group = -1;
            if (e.Content is not null)
            {
                if (!_content.TryFind(e.Content, out var signal))
                {
                    _unknownContent++;
                    return;
                }

                group = signal.LatentGroup;
                item = _catalogue.IndexOf(signal.ContentId);
            }

            var declared = -1;
            if (e.Type == JourneyEventType.DeclaredStage)
            {
                if (_stages.FindStage(e.DeclaredStage) is not { } stage)
                {
                    _unknownStages++;
                    return;
                }

                declared = stage.Order;
            }

            if (!_byVisitor.TryGetValue(e.VisitorId, out var list))
            {
                _byVisitor[e.VisitorId] = list = [];
            }

            list.Add(new LatentObservation(e.Timestamp.UtcTicks, e.Type, item, declared, group));
            _kept++;
        }

        public LatentHistory Build()
        {
            var visitors = new List<LatentObservation[]>(_byVisitor.Count);
            foreach (var list in _byVisitor.Values)
            {
                var array = list.ToArray();

                // Stable: events at the same instant keep their recorded order.
                var sorted = array.Select((o, i) => (o, i)).OrderBy(p => p.o.Ticks).ThenBy(p => p.i).Select(p => p.o).ToArray();
                visitors.Add(sorted);
            }

            return new LatentHistory(visitors, _kept, _unknownContent, _unknownStages);
        }
    }
}
