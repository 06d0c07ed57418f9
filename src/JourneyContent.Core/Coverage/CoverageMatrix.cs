using System.Collections.ObjectModel;
using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Coverage;

/// <summary>Where content is missing: counts of content by stage × kind and stage × language, and the gaps they show.</summary>
/// <remarks>
/// <para>An item counts towards the stage an editor set (<see cref="ContentItem.Stage"/>) only; secondary stages and a
/// kind's default stage do not count, so they cannot hide a gap. Items without a stage are counted in
/// <see cref="CoverageMatrixResult.Untagged"/>, and items tagged with a stage the model does not know (for example one
/// removed from the configuration) in <see cref="CoverageMatrixResult.UnknownStage"/>; neither counts towards a stage.</para>
/// <para>Gaps are listed stage by stage in funnel order. A stage without any content gives one
/// <see cref="CoverageGapCodes.StageEmpty"/> gap and nothing else. Otherwise, for each language in the order given:
/// <see cref="CoverageGapCodes.StageMissingLanguage"/> when the stage has nothing in that language, else
/// <see cref="CoverageGapCodes.StageWithoutCallToAction"/> when a visitor of the stage reading that language can be
/// offered nothing. With no language given, the call-to-action check covers the stage as a whole.</para>
/// <para>Calls to action are counted by the rule that chooses them, <see cref="CallToActionCatalog.OffersFor"/>: an
/// item of a call-to-action kind offers itself to its stage, an item's <c>cta</c> block offers to the stages it names
/// (its item's stage when it names none, every stage when marked so), whatever the item's kind. So a stage whose only
/// offer is the <c>cta</c> block of a guide is covered, and an offer of a decision item meant for loyalty counts for
/// loyalty, not for decision. The fallbacks of <see cref="CallToActionSelector"/> (an earlier stage's offer) do not
/// count: they are not the stage's own.</para>
/// </remarks>
public static class CoverageMatrix
{
    /// <summary>Counts <paramref name="items"/> and finds the gaps.</summary>
    /// <param name="items">The content, usually <see cref="ContentSnapshot.Items"/>.</param>
    /// <param name="model">The funnel (the rows) and the content kinds (the kind columns).</param>
    /// <param name="languages">The site's languages (the language columns), two-letter codes without duplicates.</param>
    /// <exception cref="ArgumentException">A language is blank or listed twice, or an item is null.</exception>
    public static CoverageMatrixResult Compute(IEnumerable<ContentItem> items, StageModel model, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(model);
        var columns = CheckLanguages(languages);

        var stageRows = model.Stages.Select(s => new RowCounter(s, model, columns)).ToArray();
        var untagged = new RowCounter(null, model, columns);
        var unknown = new RowCounter(null, model, columns);
        var all = items.ToList();
        foreach (var item in all)
        {
            if (item is null)
            {
                throw new ArgumentException("The items contain a null entry.", nameof(items));
            }

            var row = string.IsNullOrWhiteSpace(item.Stage) ? untagged
                : model.FindStage(item.Stage) is { } stage ? stageRows[stage.Order]
                : unknown;
            row.Add(item);
        }

        var offers = CallToActionCatalog.Build(all, model);
        foreach (var row in stageRows)
        {
            row.CountOffers(offers);
        }

        var totals = new RowCounter(null, model, columns);
        foreach (var row in stageRows)
        {
            totals.Add(row);
        }

        return new CoverageMatrixResult(
            model.Kinds,
            columns,
            [.. stageRows.Select(r => new CoverageRow(r.Stage!, r.ToCounts()))],
            untagged.ToCounts(),
            unknown.ToCounts(),
            totals.ToCounts(),
            [.. stageRows.SelectMany(r => GapsOf(r, columns))]);
    }

    private static ReadOnlyCollection<string> CheckLanguages(IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<string>(languages.Count);
        foreach (var language in languages)
        {
            if (string.IsNullOrWhiteSpace(language))
            {
                throw new ArgumentException("A language code is blank.", nameof(languages));
            }

            var code = language.Trim().ToLowerInvariant();
            if (!seen.Add(code))
            {
                throw new ArgumentException($"The language '{code}' is listed twice.", nameof(languages));
            }

            columns.Add(code);
        }

        return columns.AsReadOnly();
    }

    private static IEnumerable<CoverageGap> GapsOf(RowCounter row, IReadOnlyList<string> languages)
    {
        var stage = row.Stage!;
        if (row.Total == 0)
        {
            yield return new CoverageGap(CoverageGapCodes.StageEmpty, stage, null, null);
            yield break;
        }

        if (languages.Count == 0)
        {
            if (row.CallsToAction == 0)
            {
                yield return new CoverageGap(CoverageGapCodes.StageWithoutCallToAction, stage, null, null);
            }

            yield break;
        }

        foreach (var language in languages)
        {
            if (row.ByLanguage[language] == 0)
            {
                yield return new CoverageGap(CoverageGapCodes.StageMissingLanguage, stage, language, null);
            }
            else if (row.CallsToActionByLanguage[language] == 0)
            {
                yield return new CoverageGap(CoverageGapCodes.StageWithoutCallToAction, stage, language, null);
            }
        }
    }

    /// <summary>Accumulates the counts of one row.</summary>
    private sealed class RowCounter
    {
        private readonly StageModel _model;

        public RowCounter(Stage? stage, StageModel model, IReadOnlyList<string> languages)
        {
            Stage = stage;
            _model = model;
            ByKind = model.Kinds.ToDictionary(k => k.Key, _ => 0, StringComparer.OrdinalIgnoreCase);
            ByLanguage = languages.ToDictionary(l => l, _ => 0, StringComparer.OrdinalIgnoreCase);
            CallsToActionByLanguage = languages.ToDictionary(l => l, _ => 0, StringComparer.OrdinalIgnoreCase);
        }

        public Stage? Stage { get; }

        public int Total { get; private set; }

        public Dictionary<string, int> ByKind { get; }

        public int OtherKinds { get; private set; }

        public Dictionary<string, int> ByLanguage { get; }

        public int OtherLanguages { get; private set; }

        public int CallsToAction { get; private set; }

        public Dictionary<string, int> CallsToActionByLanguage { get; }

        public void Add(ContentItem item)
        {
            Total++;
            var kind = _model.FindKind(item.Kind);
            if (kind is null)
            {
                OtherKinds++;
            }
            else
            {
                ByKind[kind.Key]++;
            }

            var language = item.Language?.Trim() ?? string.Empty;
            if (ByLanguage.ContainsKey(language))
            {
                ByLanguage[language]++;
            }
            else
            {
                OtherLanguages++;
            }
        }

        /// <summary>Counts the offers meant for this row's stage, in every language of the catalogue and in each column.</summary>
        public void CountOffers(CallToActionCatalog offers)
        {
            CallsToAction = offers.Languages.Sum(language => offers.OffersFor(language, Stage!).Count);
            foreach (var language in CallsToActionByLanguage.Keys.ToList())
            {
                CallsToActionByLanguage[language] = offers.OffersFor(language, Stage!).Count;
            }
        }

        public void Add(RowCounter other)
        {
            Total += other.Total;
            OtherKinds += other.OtherKinds;
            OtherLanguages += other.OtherLanguages;
            CallsToAction += other.CallsToAction;
            foreach (var (key, count) in other.ByKind)
            {
                ByKind[key] += count;
            }

            foreach (var (key, count) in other.ByLanguage)
            {
                ByLanguage[key] += count;
                CallsToActionByLanguage[key] += other.CallsToActionByLanguage[key];
            }
        }

        public CoverageCounts ToCounts() => new(
            Total,
            ByKind.AsReadOnly(),
            OtherKinds,
            ByLanguage.AsReadOnly(),
            OtherLanguages,
            CallsToAction,
            CallsToActionByLanguage.AsReadOnly());
    }
}

/// <summary>The coverage of a site's content: one row per stage, the untagged items, the column totals and the gaps.</summary>
/// <remarks>See <see cref="CoverageMatrix"/> for what is counted where.</remarks>
public sealed record CoverageMatrixResult
{
    private readonly Dictionary<string, CoverageRow> _rowsByStage;

    internal CoverageMatrixResult(
        IReadOnlyList<ContentKind> kinds,
        IReadOnlyList<string> languages,
        IReadOnlyList<CoverageRow> rows,
        CoverageCounts untagged,
        CoverageCounts unknownStage,
        CoverageCounts totals,
        IReadOnlyList<CoverageGap> gaps)
    {
        Kinds = kinds;
        Languages = languages;
        Rows = rows;
        Untagged = untagged;
        UnknownStage = unknownStage;
        Totals = totals;
        Gaps = gaps;
        _rowsByStage = rows.ToDictionary(r => r.Stage.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The kind columns: the stage model's kinds, by key order.</summary>
    public IReadOnlyList<ContentKind> Kinds { get; }

    /// <summary>The language columns, lower-case, in the order given.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>One row per stage, in funnel order.</summary>
    public IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>The items without a stage.</summary>
    public CoverageCounts Untagged { get; }

    /// <summary>The items tagged with a stage the model does not know.</summary>
    public CoverageCounts UnknownStage { get; }

    /// <summary>The column totals over the stage rows; untagged and unknown-stage items are not included.</summary>
    public CoverageCounts Totals { get; }

    /// <summary>The gaps found, in funnel order.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; }

    /// <summary>Untagged items per language column; the same as <see cref="Untagged"/>'s <see cref="CoverageCounts.ByLanguage"/>.</summary>
    public IReadOnlyDictionary<string, int> UntaggedByLanguage => Untagged.ByLanguage;

    /// <summary>All untagged items; the same as <see cref="Untagged"/>'s <see cref="CoverageCounts.Total"/>.</summary>
    public int UntaggedTotal => Untagged.Total;

    /// <summary>The row of the stage with key <paramref name="stage"/>, or null.</summary>
    public CoverageRow? Row(string stage) => _rowsByStage.GetValueOrDefault(stage);
}
