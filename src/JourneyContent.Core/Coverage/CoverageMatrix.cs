using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Coverage;

/// <summary>Counts tagged content by stage × kind and stage × language, and names the gaps.</summary>
/// <remarks>
/// Only an item's primary stage counts (secondary stages would hide real gaps); untagged items are counted apart.
/// Gaps, in stage order: a stage with no content at all; a stage with nothing in one language; a stage with no
/// call to action (an item whose kind is a call to action) in one language.
/// </remarks>
public static class CoverageMatrix
{
    /// <summary>Computes the matrix over <paramref name="items"/> for the site's <paramref name="languages"/>.</summary>
    public static CoverageMatrixResult Compute(IEnumerable<ContentItem> items, StageModel stages, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(languages);
        var all = items.ToList();
        var tagged = all.Where(i => stages.FindStage(i.Stage) is not null).ToList();
        var rows = new List<CoverageRow>();
        var gaps = new List<CoverageGap>();

        foreach (var stage in stages.Stages)
        {
            var inStage = tagged.Where(i => string.Equals(i.Stage, stage.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            var byLanguage = languages.ToDictionary(l => l, l => inStage.Count(i => i.Language == l), StringComparer.Ordinal);
            var byKind = stages.Kinds.ToDictionary(k => k.Key, k => inStage.Count(i => i.Kind == k.Key), StringComparer.Ordinal);
            rows.Add(new CoverageRow(stage, byLanguage, byKind, inStage.Count));

            if (inStage.Count == 0)
            {
                gaps.Add(new CoverageGap(CoverageGapCode.NoContent, stage.Key, null, Message(stage, null,
                    (s, _) => $"The {s} stage has no content.", (s, _) => $"L'étape {s} n'a aucun contenu.")));
                continue;
            }

            foreach (var language in languages)
            {
                var local = inStage.Where(i => i.Language == language).ToList();
                if (local.Count == 0)
                {
                    gaps.Add(new CoverageGap(CoverageGapCode.NoContentInLanguage, stage.Key, language, Message(stage, language,
                        (s, l) => $"The {s} stage has nothing in {LanguageName(l!, "en")}.",
                        (s, l) => $"L'étape {s} n'a aucun contenu en {LanguageName(l!, "fr")}.")));
                }
                else if (!local.Any(i => stages.FindKind(i.Kind)?.IsCallToAction == true))
                {
                    gaps.Add(new CoverageGap(CoverageGapCode.NoCallToAction, stage.Key, language, Message(stage, language,
                        (s, l) => $"The {s} stage has no call to action in {LanguageName(l!, "en")}.",
                        (s, l) => $"L'étape {s} n'a aucun appel à l'action en {LanguageName(l!, "fr")}.")));
                }
            }
        }

        var untagged = all.Where(i => stages.FindStage(i.Stage) is null).ToList();
        return new CoverageMatrixResult(
            languages,
            stages.Kinds,
            rows,
            languages.ToDictionary(l => l, l => untagged.Count(i => i.Language == l), StringComparer.Ordinal),
            untagged.Count,
            gaps);
    }

    private static LocalizedText Message(Stage stage, string? language, Func<string, string?, string> english, Func<string, string?, string> french) =>
        LocalizedText.EnglishAndFrench(english(stage.Label.Get("en"), language), french(stage.Label.Get("fr"), language));

    private static string LanguageName(string language, string inLanguage) => (language, inLanguage) switch
    {
        ("en", "en") => "English",
        ("fr", "en") => "French",
        ("en", "fr") => "anglais",
        ("fr", "fr") => "français",
        _ => language,
    };
}

/// <summary>The coverage of a site's content.</summary>
/// <param name="Languages">The columns of the stage × language table.</param>
/// <param name="Kinds">The columns of the stage × kind table.</param>
/// <param name="Rows">One row per stage, in funnel order.</param>
/// <param name="UntaggedByLanguage">Untagged items per language.</param>
/// <param name="UntaggedTotal">All untagged items.</param>
/// <param name="Gaps">The gaps found, in stage order.</param>
public sealed record CoverageMatrixResult(
    IReadOnlyList<string> Languages,
    IReadOnlyList<ContentKind> Kinds,
    IReadOnlyList<CoverageRow> Rows,
    IReadOnlyDictionary<string, int> UntaggedByLanguage,
    int UntaggedTotal,
    IReadOnlyList<CoverageGap> Gaps);

/// <summary>The counts of one stage.</summary>
public sealed record CoverageRow(Stage Stage, IReadOnlyDictionary<string, int> ByLanguage, IReadOnlyDictionary<string, int> ByKind, int Total);

/// <summary>What kind of gap was found.</summary>
public enum CoverageGapCode
{
    /// <summary>The stage has no content at all.</summary>
    NoContent,

    /// <summary>The stage has no content in one language.</summary>
    NoContentInLanguage,

    /// <summary>The stage has content but no call to action in one language.</summary>
    NoCallToAction,
}

/// <summary>A gap: where a buyer at a stage finds nothing (or nothing to act on).</summary>
public sealed record CoverageGap(CoverageGapCode Code, string Stage, string? Language, LocalizedText Message);
