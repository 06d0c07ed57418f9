using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Suggestions;

/// <summary>Suggests a stage for content from its words and kind: a multinomial naive Bayes classifier trained on tagged items.</summary>
/// <remarks>
/// <para>An item's features are the terms of <see cref="StageTokenizer"/> weighted by where they appear
/// (<see cref="StageClassifierOptions"/>), plus its kind as a pseudo-word. A stage's score is
/// ln P(stage) + Σ count(term) × ln P(term | stage), where P(stage) is the stage's share of the training items and
/// P(term | stage) uses additive (Laplace) smoothing over the training vocabulary. Terms never seen in training are
/// ignored. Probabilities are the softmax of the scores.</para>
/// <para>Only a stage that has training items can be suggested. Exact ties go to the stage earliest in the funnel of the
/// <see cref="StageModel"/> given to <see cref="Train"/>, or, without one, to the smallest stage key in ordinal
/// order. The same training set and item always give the same suggestion.</para>
/// <para>An instance is immutable once trained and safe to share between threads.</para>
/// </remarks>
public sealed class StageClassifier
{
    private readonly StageCounts _counts;

    private StageClassifier(StageCounts counts, StageClassifierOptions options)
    {
        _counts = counts;
        Options = options;
        Stages = [.. counts.Stages.Where((_, s) => counts.Documents(s) > 0)];
    }

    /// <summary>The weights and smoothing the classifier was trained with.</summary>
    public StageClassifierOptions Options { get; }

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
        foreach (var (stage, item) in training.Items)
        {
            counts.Add(stage, ItemFeatures.Of(item, options));
        }

        return new StageClassifier(counts, options);
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

        var probabilities = Softmax(scores, scores[best]);
        var stage = _counts.Stages[best];
        return SuggestionOutcome.Of(new StageSuggestion(
            stage,
            probabilities.Single(p => p.Stage == stage).Probability,
            probabilities,
            TopWords(features, best, runnerUp)));
    }

    private List<StageProbability> Softmax(double[] scores, double max)
    {
        var candidates = Enumerable.Range(0, scores.Length).Where(s => !double.IsNegativeInfinity(scores[s])).ToArray();
        var sum = candidates.Sum(s => Math.Exp(scores[s] - max));
        return [.. candidates.Select(s => new StageProbability(_counts.Stages[s], Math.Clamp(Math.Exp(scores[s] - max) / sum, 0, 1)))];
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
