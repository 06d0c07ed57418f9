using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Suggestions;

/// <summary>Suggests a stage for content from its words and kind: a multinomial naive Bayes classifier trained on tagged items.</summary>
/// <remarks>
/// <para>An item's features are the terms of <see cref="StageTokenizer"/> weighted by where they appear
/// (<see cref="StageClassifierOptions"/>), plus its kind as a pseudo-word. A stage's score is
/// ln P(stage) + Σ count(term) × ln P(term | stage), where P(stage) is the stage's share of the training items and
/// P(term | stage) uses additive (Laplace) smoothing over the training vocabulary. Terms never seen in training are
/// ignored. Probabilities are the softmax of the scores. They are overconfident (near 1 for almost every item), so
/// each suggestion also carries <see cref="StageSuggestion.CalibratedConfidence"/>, the share of suggestions that were
/// right at that confidence when each training item was held out (<see cref="SuggestionCalibration"/>).</para>
/// <para>Only a stage that has training items can be suggested. Exact ties go to the stage earliest in the funnel of the
/// <see cref="StageModel"/> given to <see cref="Train"/>, or, without one, to the smallest stage key in ordinal
/// order. The same training set and item always give the same suggestion.</para>
/// <para>An instance is immutable once trained and safe to share between threads.</para>
/// </remarks>
public sealed class StageClassifier
{
    private readonly StageCounts _counts;

    private StageClassifier(StageCounts counts, StageClassifierOptions options, SuggestionCalibration calibration)
    {
        _counts = counts;
        Options = options;
        Calibration = calibration;
        Stages = [.. counts.Stages.Where((_, s) => counts.Documents(s) > 0)];
    }

    /// <summary>The weights and smoothing the classifier was trained with.</summary>
    public StageClassifierOptions Options { get; }

    /// <summary>How raw confidences map to the share of suggestions that were right, measured by leave-one-out on the training items.</summary>
    public SuggestionCalibration Calibration { get; }

    /// <summary>The keys of the stages that have training items, in tie-breaking (funnel) order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>How many tagged items the classifier learnt from.</summary>
    public int TrainingItemCount => _counts.DocumentCount;

    /// <summary>How many distinct terms (kind pseudo-words included) the classifier learnt.</summary>
    public int VocabularySize => _counts.VocabularySize;

    /// <summary>Trains a classifier on the tagged items among <paramref name="taggedItems"/>.</summary>
    /// <param name="taggedItems">Items to learn from. Untagged items (no <see cref="ContentItem.Stage"/>) are ignored.</param>
    /// <param name="model">The funnel: breaks ties by funnel order, and items tagged with a stage it does not know are
    /// ignored. Without it every stage key is accepted (lower-cased) and ties go to the smallest key.</param>
    /// <param name="options">Weights and smoothing; <see cref="StageClassifierOptions.Default"/> when null.</param>
    public static StageClassifier Train(IEnumerable<ContentItem> taggedItems, StageModel? model = null, StageClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(taggedItems);
        options ??= StageClassifierOptions.Default;
        var training = TrainingSet.Collect(taggedItems, model);
        var counts = new StageCounts(training.Stages);
        var features = training.Items.Select(t => ItemFeatures.Of(t.Item, options)).ToArray();
        for (var i = 0; i < features.Length; i++)
        {
            counts.Add(training.Items[i].Stage, features[i]);
        }

        return new StageClassifier(counts, options, Calibrate(counts, training, features, options));
    }

    /// <summary>
    /// Holds each training item out in turn (subtracting its counts, which gives exactly the classifier of the others),
    /// suggests a stage for it as <see cref="Classify"/> would, and fits the calibration to the outcomes.
    /// </summary>
    private static SuggestionCalibration Calibrate(StageCounts counts, TrainingSet training, ItemFeatures[] features, StageClassifierOptions options)
    {
        var outcomes = new List<(double Raw, bool Correct)>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            var actual = training.Items[i].Stage;
            counts.Remove(actual, features[i]);
            var scores = counts.Score(features[i], options.Smoothing, out var knownTerms);
            var (best, runnerUp) = StageCounts.Rank(scores);
            if (runnerUp >= 0 && knownTerms > 0)
            {
                outcomes.Add((Probability(scores, best), best == actual));
            }

            counts.Add(actual, features[i]);
        }

        return SuggestionCalibration.Fit(outcomes);
    }

    /// <summary>Suggests a stage for <paramref name="item"/>, or null when <see cref="Classify"/> finds none.</summary>
    public StageSuggestion? Suggest(ContentItem item) => Classify(item).Suggestion;

    /// <summary>Suggests a stage for <paramref name="item"/>, or says why it cannot.</summary>
    /// <remarks>
    /// The item's own <see cref="ContentItem.Stage"/> is not looked at. There is no suggestion (see
    /// <see cref="NoSuggestionReason"/>) when nothing was learnt, when the training items all share one stage, or when
    /// the item has no term in common with them. Never throws for a non-null item.
    /// </remarks>
    public SuggestionOutcome Classify(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_counts.DocumentCount == 0)
        {
            return SuggestionOutcome.None(NoSuggestionReason.NoTrainingData);
        }

        var features = ItemFeatures.Of(item, Options);
        var scores = _counts.Score(features, Options.Smoothing, out var knownTerms);
        var (best, runnerUp) = StageCounts.Rank(scores);
        if (runnerUp < 0)
        {
            return SuggestionOutcome.None(NoSuggestionReason.SingleStage);
        }

        if (knownTerms == 0)
        {
            return SuggestionOutcome.None(NoSuggestionReason.NoKnownWords);
        }

        var probabilities = Enumerable.Range(0, scores.Length)
            .Where(s => !double.IsNegativeInfinity(scores[s]))
            .Select(s => new StageProbability(_counts.Stages[s], Probability(scores, s)))
            .ToList();
        var confidence = Probability(scores, best);
        return SuggestionOutcome.Of(new StageSuggestion(_counts.Stages[best], confidence, probabilities, TopWords(features, best, runnerUp))
        {
            CalibratedConfidence = Calibration.Calibrate(confidence),
        });
    }

    /// <summary>The softmax of <paramref name="scores"/> at <paramref name="stage"/>; stages scored −∞ have probability 0.</summary>
    private static double Probability(double[] scores, int stage)
    {
        var max = scores.Max();
        var sum = 0.0;
        foreach (var score in scores)
        {
            sum += double.IsNegativeInfinity(score) ? 0 : Math.Exp(score - max);
        }

        return Math.Clamp(Math.Exp(scores[stage] - max) / sum, 0, 1);
    }

    private List<SuggestionWord> TopWords(ItemFeatures features, int best, int runnerUp) =>
    [
        .. features.Counts
            .Where(c => !ItemFeatures.IsKind(c.Key) && _counts.IsKnown(c.Key))
            .Select(c => new SuggestionWord(
                features.Surfaces[c.Key],
                c.Key,
                c.Value,
                _counts.LogLikelihood(best, c.Key, Options.Smoothing) - _counts.LogLikelihood(runnerUp, c.Key, Options.Smoothing)))
            .Where(w => w.LogLikelihoodRatio > 0)
            .OrderByDescending(w => w.Contribution)
            .ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(Options.TopWordCount),
    ];
}
