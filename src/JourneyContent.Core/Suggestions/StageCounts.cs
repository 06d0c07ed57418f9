using System.Diagnostics;

namespace JourneyContent.Suggestions;

/// <summary>The counts behind a multinomial naive Bayes classifier of stages, which documents can be added to and removed from.</summary>
/// <remarks>
/// Counts are whole numbers, so removing a document after adding it restores the exact previous state; leave-one-out
/// evaluation relies on it. The vocabulary is the set of terms with a positive total count.
/// </remarks>
internal sealed class StageCounts
{
    private readonly Dictionary<string, int[]> _termCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _termTotals = new(StringComparer.Ordinal);
    private readonly int[] _documents;
    private readonly long[] _tokens;

    public StageCounts(IReadOnlyList<string> stages)
    {
        Stages = stages;
        _documents = new int[stages.Count];
        _tokens = new long[stages.Count];
    }

    /// <summary>Stage keys in tie-breaking order; indexes into every per-stage array.</summary>
    public IReadOnlyList<string> Stages { get; }

    public int DocumentCount { get; private set; }

    public int VocabularySize { get; private set; }

    public int Documents(int stage) => _documents[stage];

    public void Add(int stage, ItemFeatures features) => Change(stage, features, +1);

    public void Remove(int stage, ItemFeatures features)
    {
        Debug.Assert(_documents[stage] > 0, "Only a document that was added can be removed.");
        Change(stage, features, -1);
    }

    /// <summary>
    /// The joint log-probability of the item and each stage that has documents (−∞ for the others), and how many of the
    /// item's terms are in the vocabulary. Terms outside the vocabulary are ignored.
    /// </summary>
    public double[] Score(ItemFeatures features, double smoothing, out int knownTerms)
    {
        var scores = new double[Stages.Count];
        var logDenominators = new double[Stages.Count];
        for (var s = 0; s < scores.Length; s++)
        {
            scores[s] = _documents[s] > 0 ? Math.Log((double)_documents[s] / DocumentCount) : double.NegativeInfinity;
            logDenominators[s] = Math.Log(_tokens[s] + (smoothing * VocabularySize));
        }

        knownTerms = 0;
        foreach (var (term, count) in features.Counts)
        {
            if (!IsKnown(term))
            {
                continue;
            }

            knownTerms++;
            var perStage = _termCounts[term];
            for (var s = 0; s < scores.Length; s++)
            {
                if (_documents[s] > 0)
                {
                    scores[s] += count * (Math.Log(perStage[s] + smoothing) - logDenominators[s]);
                }
            }
        }

        return scores;
    }

    /// <summary>log P(term | stage) with additive smoothing.</summary>
    public double LogLikelihood(int stage, string term, double smoothing)
    {
        var count = _termCounts.TryGetValue(term, out var perStage) ? perStage[stage] : 0;
        return Math.Log(count + smoothing) - Math.Log(_tokens[stage] + (smoothing * VocabularySize));
    }

    public bool IsKnown(string term) => _termTotals.GetValueOrDefault(term) > 0;

    /// <summary>The best stage and the runner-up (−1 when there is none); exact ties go to the earlier stage.</summary>
    public static (int Best, int RunnerUp) Rank(double[] scores)
    {
        int best = -1, runnerUp = -1;
        for (var s = 0; s < scores.Length; s++)
        {
            if (double.IsNegativeInfinity(scores[s]))
            {
                continue;
            }

            if (best < 0 || scores[s] > scores[best])
            {
                runnerUp = best;
                best = s;
            }
            else if (runnerUp < 0 || scores[s] > scores[runnerUp])
            {
                runnerUp = s;
            }
        }

        return (best, runnerUp);
    }

    private void Change(int stage, ItemFeatures features, int sign)
    {
        foreach (var (term, count) in features.Counts)
        {
            if (!_termCounts.TryGetValue(term, out var perStage))
            {
                perStage = new int[Stages.Count];
                _termCounts[term] = perStage;
            }

            perStage[stage] += sign * count;
            var before = _termTotals.GetValueOrDefault(term);
            var after = before + (sign * count);
            _termTotals[term] = after;
            VocabularySize += (before, after) switch
            {
                (0, > 0) => 1,
                (> 0, 0) => -1,
                _ => 0,
            };
            _tokens[stage] += sign * count;
        }

        _documents[stage] += sign;
        DocumentCount += sign;
    }
}
