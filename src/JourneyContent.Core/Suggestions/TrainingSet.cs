using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Suggestions;

/// <summary>The tagged items a classifier learns from, with each item's stage as an index into <see cref="Stages"/>.</summary>
internal sealed record TrainingSet(IReadOnlyList<string> Stages, IReadOnlyList<(int Stage, ContentItem Item)> Items)
{
    public static TrainingSet Collect(IEnumerable<ContentItem> items, StageModel? model)
    {
        var tagged = new List<(string Stage, ContentItem Item)>();
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException("The items contain a null entry.", nameof(items));
            }

            if (string.IsNullOrWhiteSpace(item.Stage))
            {
                continue;
            }

            var key = model is null ? item.Stage.Trim().ToLowerInvariant() : model.FindStage(item.Stage)?.Key;
            if (key is not null)
            {
                tagged.Add((key, item));
            }
        }

        IReadOnlyList<string> stages = model is null
            ? [.. tagged.Select(t => t.Stage).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [.. model.Stages.Select(s => s.Key)];
        var index = stages.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        return new TrainingSet(stages, [.. tagged.Select(t => (index[t.Stage], t.Item))]);
    }
}
