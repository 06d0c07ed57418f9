using System.Diagnostics.CodeAnalysis;

namespace JourneyContent.Suggestions;

/// <summary>Why no stage could be suggested.</summary>
/// <remarks>In words, the text catalogue's <c>SuggestionReason.{name}</c> (for example <c>SuggestionReason.NoTrainingData</c>).</remarks>
public enum NoSuggestionReason
{
    /// <summary>No item is tagged with a stage yet, so there is nothing to learn from.</summary>
    NoTrainingData,

    /// <summary>Tagged items all share one stage, so there is nothing to tell apart.</summary>
    SingleStage,

    /// <summary>The item shares no word, and not its kind, with the tagged items.</summary>
    NoKnownWords,
}

/// <summary>A stage and its probability for one item.</summary>
public sealed record StageProbability
{
    /// <summary>Creates a probability, checking its range.</summary>
    public StageProbability(string stage, double probability)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        }

        Stage = stage;
        Probability = probability;
    }

    /// <summary>The stage key.</summary>
    public string Stage { get; }

    /// <summary>The probability, in [0, 1].</summary>
    public double Probability { get; }
}

/// <summary>A word of the item that pointed to the suggested stage rather than to the runner-up.</summary>
/// <param name="Word">The word as written in the item, lower-cased, accents kept (<c>démo</c>).</param>
/// <param name="Term">The matching form of the word (<c>demo</c>).</param>
/// <param name="Occurrences">Its weighted occurrences in the item (a title word counts three times by default).</param>
/// <param name="LogLikelihoodRatio">ln P(word | suggested stage) − ln P(word | runner-up), greater than 0.</param>
public sealed record SuggestionWord(string Word, string Term, int Occurrences, double LogLikelihoodRatio)
{
    /// <summary>How much the word added to the suggested stage's lead over the runner-up, in nats: occurrences × ratio.</summary>
    public double Contribution => Occurrences * LogLikelihoodRatio;

    /// <summary>The word as written, so that a list of words reads naturally (<c>string.Join(", ", TopWords)</c>).</summary>
    public override string ToString() => Word;
}

/// <summary>The stage suggested for an item, with how sure the classifier is and why.</summary>
public sealed record StageSuggestion
{
    /// <summary>Creates a suggestion, checking that <paramref name="confidence"/> is a probability.</summary>
    public StageSuggestion(string stage, double confidence, IReadOnlyList<StageProbability> probabilities, IReadOnlyList<SuggestionWord> topWords)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(topWords);
        if (!(confidence >= 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence is between 0 and 1.");
        }

        Stage = stage;
        Confidence = confidence;
        Probabilities = probabilities;
        TopWords = topWords;
    }

    /// <summary>The suggested stage key.</summary>
    public string Stage { get; }

    /// <summary>The suggested stage's raw probability under the classifier, in [0, 1].</summary>
    /// <remarks>Naive Bayes is overconfident: this is near 1 for most items, right or wrong. Show <see cref="CalibratedConfidence"/> to people.</remarks>
    public double Confidence { get; }

    /// <summary>
    /// The probability that the suggestion is right, calibrated on the tagged items by leave-one-out: the share of
    /// held-out suggestions of about this raw confidence that were right (<see cref="SuggestionCalibration"/>). Null when
    /// there were too few tagged items to measure it; show no figure then.
    /// </summary>
    public double? CalibratedConfidence
    {
        get;
        init => field = value is null or (>= 0 and <= 1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A calibrated confidence is between 0 and 1.");
    }

    /// <summary>Each candidate stage's probability, in funnel order; they add up to 1. Only stages with tagged items are candidates.</summary>
    public IReadOnlyList<StageProbability> Probabilities { get; }

    /// <summary>The words of the item that did most for the suggested stage over the runner-up, strongest first.</summary>
    /// <remarks>
    /// Words are ranked by <see cref="SuggestionWord.Contribution"/> (weighted occurrences × log-likelihood ratio), then
    /// by term; only words with a ratio greater than 0 are listed, at most <see cref="StageClassifierOptions.TopWordCount"/>.
    /// The kind pseudo-word is not a word and is never listed.
    /// </remarks>
    public IReadOnlyList<SuggestionWord> TopWords { get; }
}

/// <summary>The result of classifying an item: a <see cref="StageSuggestion"/>, or the reason there is none.</summary>
public sealed record SuggestionOutcome
{
    private SuggestionOutcome(StageSuggestion? suggestion, NoSuggestionReason? reason)
    {
        Suggestion = suggestion;
        Reason = reason;
    }

    /// <summary>The suggestion; null when there is none.</summary>
    public StageSuggestion? Suggestion { get; }

    /// <summary>Why there is no suggestion; null when there is one.</summary>
    public NoSuggestionReason? Reason { get; }

    /// <summary>True when a stage is suggested.</summary>
    [MemberNotNullWhen(true, nameof(Suggestion))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool HasSuggestion => Suggestion is not null;

    internal static SuggestionOutcome None(NoSuggestionReason reason) => new(null, reason);

    internal static SuggestionOutcome Of(StageSuggestion suggestion) => new(suggestion, null);
}
