using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Suggestions;

namespace JourneyContent.Web.BackOffice.Inventory;

/// <summary>Suggests stages for untagged items, with a classifier trained on the current tagged content.</summary>
/// <remarks>The classifier is retrained lazily, once per content snapshot, so tagging an item improves the next suggestions.</remarks>
public sealed class StageSuggestions(IContentSource content, StageModel stages)
{
    private (ContentSnapshot Snapshot, StageClassifier Classifier)? _trained;

    /// <summary>The suggestion for <paramref name="item"/>, or null when there is nothing to learn from.</summary>
    public StageSuggestion? For(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Classifier().Suggest(item);
    }

    private StageClassifier Classifier()
    {
        var snapshot = content.Current;
        var trained = _trained;
        if (trained is { } current && ReferenceEquals(current.Snapshot, snapshot))
        {
            return current.Classifier;
        }

        var classifier = StageClassifier.Train(snapshot.Items, stages);
        _trained = (snapshot, classifier);
        return classifier;
    }
}
