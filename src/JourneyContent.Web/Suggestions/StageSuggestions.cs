using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Suggestions;

namespace JourneyContent.Web.Suggestions;

/// <summary>Suggests stages for untagged items, with a classifier trained on the current tagged content.</summary>
/// <remarks>The classifier is retrained lazily, once per content snapshot, so tagging an item improves the next suggestions.</remarks>
public sealed class StageSuggestions(IContentSource content, StageModel stages)
{
    private Trained? _trained;

    /// <summary>The suggestion for <paramref name="item"/>, or null when there is nothing to learn from.</summary>
    public StageSuggestion? For(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Classifier().Suggest(item);
    }

    /// <summary>The suggestion for <paramref name="item"/>, or why there is none.</summary>
    public SuggestionOutcome Classify(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Classifier().Classify(item);
    }

    private StageClassifier Classifier()
    {
        var snapshot = content.Current;
        var trained = Volatile.Read(ref _trained);
        if (trained is not null && ReferenceEquals(trained.Snapshot, snapshot))
        {
            return trained.Classifier;
        }

        // Two requests may train at once after a change; both results are equal and the last one wins.
        var classifier = StageClassifier.Train(snapshot.Items, stages);
        Volatile.Write(ref _trained, new Trained(snapshot, classifier));
        return classifier;
    }

    /// <summary>A classifier and the snapshot it was trained on, swapped as one reference so readers never see a mix.</summary>
    private sealed record Trained(ContentSnapshot Snapshot, StageClassifier Classifier);
}
