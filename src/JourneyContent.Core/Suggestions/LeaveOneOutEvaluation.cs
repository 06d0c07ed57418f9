using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Suggestions;

/// <summary>How well stage suggestions would have done on a site's own tagged content.</summary>
/// <param name="Items">How many tagged items were evaluated.</param>
/// <param name="Correct">How many were suggested their real stage.</param>
/// <param name="Accuracy">The classifier's leave-one-out accuracy.</param>
/// <param name="MajorityBaselineAccuracy">The accuracy of always suggesting the most frequent stage of the other items.</param>
public sealed record EvaluationResult(int Items, int Correct, double Accuracy, double MajorityBaselineAccuracy);

/// <summary>Leave-one-out evaluation: each tagged item is suggested a stage by a classifier trained on all the others.</summary>
/// <remarks>
/// Each item's counts are removed from the trained classifier and added back afterwards, which equals retraining
/// without it. The baseline is leave-one-out too: the majority stage among the other items, ties to the earliest stage.
/// </remarks>
public static class LeaveOneOutEvaluation
{
    /// <summary>Evaluates on the tagged items among <paramref name="items"/>.</summary>
    public static EvaluationResult Run(IEnumerable<ContentItem> items, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var tagged = (items ?? throw new ArgumentNullException(nameof(items)))
            .Select(i => (Item: i, Stage: stages.FindStage(i.Stage)))
            .Where(t => t.Stage is not null)
            .ToList();
        var classifier = StageClassifier.Train(tagged.Select(t => t.Item), stages);
        var perStage = new int[stages.Stages.Count];
        foreach (var (_, stage) in tagged)
        {
            perStage[stage!.Order]++;
        }

        int correct = 0, baselineCorrect = 0;
        foreach (var (item, stage) in tagged)
        {
            var (counts, spellings) = TextFeatures.Of(item);
            classifier.Add(stage!.Order, counts, -1);
            if (classifier.Suggest(counts, spellings)?.Stage == stage.Key)
            {
                correct++;
            }

            classifier.Add(stage.Order, counts, +1);

            perStage[stage.Order]--;
            var majority = Array.IndexOf(perStage, perStage.Max());
            baselineCorrect += majority == stage.Order ? 1 : 0;
            perStage[stage.Order]++;
        }

        var n = tagged.Count;
        return new EvaluationResult(n, correct, n == 0 ? 0 : (double)correct / n, n == 0 ? 0 : (double)baselineCorrect / n);
    }
}
