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
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalogue);
        var stages = model.Stages;
        var byVisitor = new Dictionary<string, List<LatentObservation>>(StringComparer.Ordinal);
        long kept = 0;
        long unknownContent = 0;
        long unknownStages = 0;
        foreach (var e in events)
        {
            var item = -1;
            var group = -1;
            if (e.Content is not null)
            {
                if (!content.TryFind(e.Content, out var signal))
                {
                    unknownContent++;
                    continue;
                }

                group = signal.LatentGroup;
                item = catalogue.IndexOf(signal.ContentId);
            }

            var declared = -1;
            if (e.Type == JourneyEventType.DeclaredStage)
            {
                if (stages.FindStage(e.DeclaredStage) is not { } stage)
                {
                    unknownStages++;
                    continue;
                }

                declared = stage.Order;
            }

            if (!byVisitor.TryGetValue(e.VisitorId, out var list))
            {
                byVisitor[e.VisitorId] = list = [];
            }

            list.Add(new LatentObservation(e.Timestamp.UtcTicks, e.Type, item, declared, group));
            kept++;
        }

        var visitors = new List<LatentObservation[]>(byVisitor.Count);
        foreach (var list in byVisitor.Values)
        {
            var array = list.ToArray();

            // Stable: events at the same instant keep their recorded order.
            var sorted = array.Select((o, i) => (o, i)).OrderBy(p => p.o.Ticks).ThenBy(p => p.i).Select(p => p.o).ToArray();
            visitors.Add(sorted);
        }

        return new LatentHistory(visitors, kept, unknownContent, unknownStages);
    }
}
