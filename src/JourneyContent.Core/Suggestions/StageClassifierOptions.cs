namespace JourneyContent.Suggestions;

/// <summary>How the stage classifier weighs an item's parts and smooths its counts.</summary>
/// <remarks>
/// <para>Weights are whole numbers of occurrences: with <see cref="TitleWeight"/> 3, a word in the title counts as if
/// it appeared three times in the body. A weight of 0 leaves that part out.</para>
/// <para>The content kind is one pseudo-word (<c>kind:white-paper</c>) counted <see cref="KindWeight"/> times. Its
/// default, 2, makes the kind matter without deciding alone: a few telling words of the text outweigh it.</para>
/// </remarks>
public sealed record StageClassifierOptions
{
    /// <summary>The defaults: title ×3, summary ×2, body ×1, kind ×2, Laplace smoothing, plural stripping, five top words.</summary>
    public static StageClassifierOptions Default { get; } = new();

    /// <summary>Occurrences counted for each word of the title; 0 or more.</summary>
    public int TitleWeight { get; init => field = NotNegative(value); } = 3;

    /// <summary>Occurrences counted for each word of the summary; 0 or more.</summary>
    public int SummaryWeight { get; init => field = NotNegative(value); } = 2;

    /// <summary>Occurrences counted for each word of the body text; 0 or more.</summary>
    public int BodyWeight { get; init => field = NotNegative(value); } = 1;

    /// <summary>Occurrences counted for the item's kind pseudo-word; 0 or more.</summary>
    public int KindWeight { get; init => field = NotNegative(value); } = 2;

    /// <summary>The additive smoothing constant, greater than 0; 1 is Laplace smoothing.</summary>
    public double Smoothing
    {
        get;
        init => field = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Smoothing is a finite number greater than 0.");
    } = 1.0;

    /// <summary>Whether a final plural <c>s</c> is removed before matching (see <see cref="StageTokenizer"/>).</summary>
    public bool StripPlurals { get; init; } = true;

    /// <summary>How many words explain a suggestion at most; 0 or more.</summary>
    public int TopWordCount { get; init => field = NotNegative(value); } = 5;

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A weight or count is 0 or more.");
}
