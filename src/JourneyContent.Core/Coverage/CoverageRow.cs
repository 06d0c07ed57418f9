using JourneyContent.Stages;

namespace JourneyContent.Coverage;

/// <summary>Content counts of one row of the coverage matrix: by kind, by language, and calls to action.</summary>
/// <remarks>
/// <see cref="ByKind"/> has an entry for every kind of the stage model and <see cref="ByLanguage"/> for every language
/// asked for, zeros included; keys are compared without regard to case. Items of another kind or language are counted
/// in <see cref="OtherKinds"/> and <see cref="OtherLanguages"/>, so
/// <see cref="Total"/> = Σ <see cref="ByKind"/> + <see cref="OtherKinds"/> = Σ <see cref="ByLanguage"/> + <see cref="OtherLanguages"/>.
/// </remarks>
public record CoverageCounts
{
    internal CoverageCounts(
        int total,
        IReadOnlyDictionary<string, int> byKind,
        int otherKinds,
        IReadOnlyDictionary<string, int> byLanguage,
        int otherLanguages,
        int callsToAction,
        IReadOnlyDictionary<string, int> callsToActionByLanguage)
    {
        Total = total;
        ByKind = byKind;
        OtherKinds = otherKinds;
        ByLanguage = byLanguage;
        OtherLanguages = otherLanguages;
        CallsToAction = callsToAction;
        CallsToActionByLanguage = callsToActionByLanguage;
    }

    /// <summary>All items of the row.</summary>
    public int Total { get; }

    /// <summary>Items per kind key of the stage model.</summary>
    public IReadOnlyDictionary<string, int> ByKind { get; }

    /// <summary>Items whose kind is not a kind of the stage model.</summary>
    public int OtherKinds { get; }

    /// <summary>Items per language asked for.</summary>
    public IReadOnlyDictionary<string, int> ByLanguage { get; }

    /// <summary>Items in a language that was not asked for.</summary>
    public int OtherLanguages { get; }

    /// <summary>
    /// The offers a visitor of the row's stage can be shown as their own (<see cref="CallsToAction.CallToActionCatalog.OffersFor"/>),
    /// in every language: items of a call-to-action kind and <c>cta</c> blocks alike. 0 for the untagged and unknown rows,
    /// which offer nothing; in <see cref="CoverageMatrixResult.Totals"/>, the sum of the stage rows, so an offer meant for
    /// two stages counts twice.
    /// </summary>
    public int CallsToAction { get; }

    /// <summary>The offers of <see cref="CallsToAction"/> per language asked for (by the language of the item that makes them).</summary>
    public IReadOnlyDictionary<string, int> CallsToActionByLanguage { get; }

    /// <summary>Items of kind <paramref name="kind"/>; 0 for a kind that is not a column.</summary>
    public int OfKind(string kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>Items in <paramref name="language"/>; 0 for a language that is not a column.</summary>
    public int InLanguage(string language) => ByLanguage.GetValueOrDefault(language);
}

/// <summary>The content counts of one stage.</summary>
public sealed record CoverageRow : CoverageCounts
{
    internal CoverageRow(Stage stage, CoverageCounts counts)
        : base(counts)
    {
        Stage = stage;
    }

    /// <summary>The stage of the row.</summary>
    public Stage Stage { get; }
}
