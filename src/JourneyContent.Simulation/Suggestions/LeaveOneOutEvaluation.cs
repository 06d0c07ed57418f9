using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Suggestions;

namespace JourneyContent.Simulation;

/// <summary>Measures how well stage suggestions would do on a site's own tagged content, by leave-one-out.</summary>
/// <remarks>
/// <para>Each tagged item in turn is held out: the classifier is trained on the n − 1 others and predicts the held-out
/// item's stage. Rather than retraining n times, the held-out item's counts are subtracted from the totals and added
/// back afterwards, which gives exactly the same classifier; the cost is O(n × terms per item × stages).</para>
/// <para>Unlike <see cref="StageClassifier.Suggest"/>, a prediction is always made when the other items exist: an item
/// sharing no term with them gets the most frequent of their stages, as naive Bayes does with no evidence.</para>
/// <para>The baseline is leave-one-out too: it predicts the most frequent stage among the n − 1 other items (ties to
/// the earlier stage in the funnel). On evenly balanced stages it is therefore pessimistic, because holding an item
/// out makes its own stage the least frequent one.</para>
/// </remarks>
public static class LeaveOneOutEvaluation
{
    /// <summary>Evaluates the classifier on <paramref name="tagged"/>.</summary>
    /// <param name="tagged">The items; those untagged or tagged with a stage outside <paramref name="model"/> are skipped.</param>
    /// <param name="model">The funnel, for stage keys and tie-breaking.</param>
    /// <param name="options">The classifier's options; <see cref="StageClassifierOptions.Default"/> when null.</param>
    /// <returns>The result; with fewer than two usable items nothing is evaluated and <see cref="LeaveOneOutResult.ItemCount"/> is 0.</returns>
    public static LeaveOneOutResult Run(IReadOnlyList<ContentItem> tagged, StageModel model, StageClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        ArgumentNullException.ThrowIfNull(model);
        options ??= StageClassifierOptions.Default;
        var training = TrainingSet.Collect(tagged, model);
        var stageCount = training.Stages.Count;
        var confusion = new int[stageCount, stageCount];
        if (training.Items.Count < 2)
        {
            return new LeaveOneOutResult(0, 0, 0, new StageConfusion(training.Stages, confusion));
        }

        var features = training.Items.Select(t => ItemFeatures.Of(t.Item, options)).ToArray();
        var counts = new StageCounts(training.Stages);
        for (var i = 0; i < features.Length; i++)
        {
            counts.Add(training.Items[i].Stage, features[i]);
        }

        int correct = 0, baselineCorrect = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var actual = training.Items[i].Stage;
            counts.Remove(actual, features[i]);

            var (predicted, _) = StageCounts.Rank(counts.Score(features[i], options.Smoothing, out _));
            confusion[actual, predicted]++;
            correct += predicted == actual ? 1 : 0;
            baselineCorrect += MostFrequentStage(counts) == actual ? 1 : 0;

            counts.Add(actual, features[i]);
        }

        return new LeaveOneOutResult(features.Length, correct, baselineCorrect, new StageConfusion(training.Stages, confusion));
    }

    private static int MostFrequentStage(StageCounts counts)
    {
        var best = 0;
        for (var s = 1; s < counts.Stages.Count; s++)
        {
            if (counts.Documents(s) > counts.Documents(best))
            {
                best = s;
            }
        }

        return best;
    }
}

/// <summary>The outcome of a leave-one-out evaluation.</summary>
/// <remarks>Accuracies are fractions in [0, 1]; both are 0 when <see cref="ItemCount"/> is 0.</remarks>
public sealed record LeaveOneOutResult
{
    /// <summary>Creates a result, checking that the counts are consistent.</summary>
    public LeaveOneOutResult(int itemCount, int correct, int baselineCorrect, StageConfusion confusion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, itemCount);
        ArgumentOutOfRangeException.ThrowIfNegative(baselineCorrect);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baselineCorrect, itemCount);
        ArgumentNullException.ThrowIfNull(confusion);
        ItemCount = itemCount;
        Correct = correct;
        BaselineCorrect = baselineCorrect;
        Confusion = confusion;
    }

    /// <summary>How many tagged items were held out and predicted.</summary>
    public int ItemCount { get; }

    /// <summary>How many were predicted their own stage by the classifier.</summary>
    public int Correct { get; }

    /// <summary>How many were predicted their own stage by the majority baseline.</summary>
    public int BaselineCorrect { get; }

    /// <summary>The classifier's leave-one-out accuracy, in [0, 1].</summary>
    public double Accuracy => ItemCount == 0 ? 0 : (double)Correct / ItemCount;

    /// <summary>The majority baseline's leave-one-out accuracy, in [0, 1].</summary>
    public double BaselineAccuracy => ItemCount == 0 ? 0 : (double)BaselineCorrect / ItemCount;

    /// <summary>Actual stage × predicted stage counts of the classifier.</summary>
    public StageConfusion Confusion { get; }
}

/// <summary>A confusion matrix over stages: how many items of each actual stage were predicted each stage.</summary>
/// <remarks>Rows and columns follow <see cref="Stages"/> (funnel order) and include stages without items.</remarks>
public sealed record StageConfusion
{
    private readonly Dictionary<string, int> _index;

    internal StageConfusion(IReadOnlyList<string> stages, int[,] counts)
    {
        Stages = stages;
        _index = stages.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.OrdinalIgnoreCase);
        Rows = [.. stages.Select((key, a) => new StageConfusionRow(
            key,
            [.. Enumerable.Range(0, stages.Count).Select(p => counts[a, p])],
            counts[a, a]))];
    }

    /// <summary>The stage keys, in funnel order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>One row per actual stage, in <see cref="Stages"/> order.</summary>
    public IReadOnlyList<StageConfusionRow> Rows { get; }

    /// <summary>The row of actual stage <paramref name="stage"/>, or null for an unknown key.</summary>
    public StageConfusionRow? Row(string stage) => _index.TryGetValue(stage, out var a) ? Rows[a] : null;

    /// <summary>How many items of stage <paramref name="actual"/> were predicted <paramref name="predicted"/>; 0 for unknown keys.</summary>
    public int Count(string actual, string predicted) =>
        _index.TryGetValue(actual, out var a) && _index.TryGetValue(predicted, out var p) ? Rows[a].Predicted[p] : 0;
}

/// <summary>The predictions for the items of one actual stage.</summary>
/// <param name="Stage">The actual stage key.</param>
/// <param name="Predicted">How many were predicted each stage, in <see cref="StageConfusion.Stages"/> order.</param>
/// <param name="Correct">How many were predicted their own stage.</param>
public sealed record StageConfusionRow(string Stage, IReadOnlyList<int> Predicted, int Correct)
{
    /// <summary>How many items have this stage.</summary>
    public int Total => Predicted.Sum();

    /// <summary>The share predicted correctly (recall), in [0, 1]; 0 for a stage without items.</summary>
    public double Recall => Total == 0 ? 0 : (double)Correct / Total;
}
