using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Suggestions;

/// <summary>A stage suggested for an untagged item.</summary>
/// <param name="Stage">The suggested stage key.</param>
/// <param name="Confidence">The suggested stage's probability, in [0, 1].</param>
/// <param name="Probabilities">Every stage's probability; they add up to 1.</param>
/// <param name="TopWords">Up to five words of the item that pointed most to this stage rather than the runner-up.</param>
public sealed record StageSuggestion(string Stage, double Confidence, IReadOnlyDictionary<string, double> Probabilities, IReadOnlyList<string> TopWords);

/// <summary>A multinomial naive Bayes classifier of stages, trained on the tagged items of a site.</summary>
/// <remarks>
/// Laplace smoothing (add one) on word counts and stage priors. Probabilities are the softmax of the
/// log-probabilities. Ties go to the stage earliest in the funnel, so the same content always gives the same
/// suggestion. Untagged items and items tagged with a stage the model does not know are ignored in training.
/// </remarks>
public sealed class StageClassifier
{
    private readonly StageModel _stages;
    private readonly Dictionary<string, double>[] _wordCounts;
    private readonly double[] _totals;
    private readonly int[] _documents;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private int _documentCount;

    private StageClassifier(StageModel stages)
    {
        _stages = stages;
        var n = stages.Stages.Count;
        _wordCounts = [.. Enumerable.Range(0, n).Select(_ => new Dictionary<string, double>(StringComparer.Ordinal))];
        _totals = new double[n];
        _documents = new int[n];
    }

    /// <summary>How many items the classifier learnt from.</summary>
    public int TrainingSize => _documentCount;

    /// <summary>Trains on the tagged items among <paramref name="items"/>.</summary>
    public static StageClassifier Train(IEnumerable<ContentItem> items, StageModel stages)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stages);
        var classifier = new StageClassifier(stages);
        foreach (var item in items)
        {
            if (stages.FindStage(item.Stage) is { } stage)
            {
                classifier.Add(stage.Order, TextFeatures.Of(item).Counts, +1);
            }
        }

        return classifier;
    }

    /// <summary>The suggested stage for <paramref name="item"/>, or null when nothing was learnt.</summary>
    public StageSuggestion? Suggest(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (counts, spellings) = TextFeatures.Of(item);
        return Suggest(counts, spellings);
    }

    internal StageSuggestion? Suggest(Dictionary<string, double> counts, Dictionary<string, string> spellings)
    {
        if (_documentCount == 0)
        {
            return null;
        }

        var n = _stages.Stages.Count;
        var logScores = new double[n];
        var vocabularySize = Math.Max(1, _vocabulary.Count);
        for (var s = 0; s < n; s++)
        {
            var score = Math.Log((_documents[s] + 1.0) / (_documentCount + n));
            foreach (var (word, count) in counts)
            {
                if (_vocabulary.Contains(word))
                {
                    score += count * LogLikelihood(s, word, vocabularySize);
                }
            }

            logScores[s] = score;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(s => logScores[s]).ThenBy(s => s).ToArray();
        var best = order[0];
        var max = logScores[best];
        var exp = logScores.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        var probabilities = _stages.Stages.ToDictionary(s => s.Key, s => exp[s.Order] / sum, StringComparer.Ordinal);

        var topWords = Array.Empty<string>();
        if (n > 1)
        {
            var runnerUp = order[1];
            topWords = [.. counts
                .Where(c => _vocabulary.Contains(c.Key))
                .Select(c => (Word: c.Key, Weight: c.Value * (LogLikelihood(best, c.Key, vocabularySize) - LogLikelihood(runnerUp, c.Key, vocabularySize))))
                .Where(w => w.Weight > 0)
                .OrderByDescending(w => w.Weight).ThenBy(w => w.Word, StringComparer.Ordinal)
                .Take(5)
                .Select(w => spellings.GetValueOrDefault(w.Word, w.Word))];
        }

        return new StageSuggestion(_stages.Stages[best].Key, probabilities[_stages.Stages[best].Key], probabilities, topWords);
    }

    /// <summary>Adds (+1) or removes (−1) one document's counts; leave-one-out evaluation removes and re-adds each document.</summary>
    internal void Add(int stage, Dictionary<string, double> counts, int sign)
    {
        foreach (var (word, count) in counts)
        {
            var updated = _wordCounts[stage].GetValueOrDefault(word) + (sign * count);
            _wordCounts[stage][word] = updated;
            _totals[stage] += sign * count;
            if (sign > 0)
            {
                _vocabulary.Add(word);
            }
        }

        _documents[stage] += sign;
        _documentCount += sign;
    }

    private double LogLikelihood(int stage, string word, int vocabularySize) =>
        Math.Log((Math.Max(0, _wordCounts[stage].GetValueOrDefault(word)) + 1.0) / (_totals[stage] + vocabularySize));
}
