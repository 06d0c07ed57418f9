using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Recommendations;

/// <summary>Chooses the "next for you" items of a page for a visitor.</summary>
/// <remarks>
/// <para>Editor pins come first. Then the best unread items of the visitor's stage, and
/// <see cref="RecommendationSettings.NextStageCount"/> of the next stage, last, to pull them forward. When a stage
/// runs out of unread items the list is completed from the earlier stages, nearest first, never from stages further
/// ahead, so a newcomer is not rushed to a purchase.</para>
/// <para>Items are ranked by topic affinity (the MoreLikeThis neighbours of the page and of the recent reading,
/// newer readings counting more), freshness and the editorial boost. Equal scores are ordered by date, newest first,
/// then by id, so the same input always gives the same list.</para>
/// <para>Without a stage (no consent, or no history) the page's own stage is used and only the page seeds affinity:
/// related content for the stage, the same for everybody.</para>
/// </remarks>
public static class NextContentSelector
{
    /// <summary>Chooses the list; <paramref name="alsoExclude"/> is an item shown elsewhere on the page (the call to action).</summary>
    public static NextContent Select(RecommendationCatalog catalog, VisitorContext visitor, string? alsoExclude = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(visitor);
        var settings = catalog.Settings;
        var stages = catalog.Stages.Stages;
        var stage = visitor.Stage ?? catalog.Stages.FindStage(visitor.Page?.Stage) ?? catalog.Stages.First;
        var stageIndex = catalog.StageIndex(stage);
        if (stageIndex < 0)
        {
            return NextContent.None;
        }

        var language = visitor.Language.ToLowerInvariant();
        catalog.TryIndexOf(visitor.Page?.Id, out var pageIndex);
        catalog.TryIndexOf(alsoExclude, out var excludedIndex);
        var affinity = Affinity(catalog, visitor, pageIndex);
        var chosen = new List<Recommendation>(settings.Count);
        // Read items are turned into catalogue indices once, so each candidate costs an integer lookup, not a string hash.
        var taken = new HashSet<int>();
        foreach (var id in visitor.Read)
        {
            if (catalog.TryIndexOf(id, out var read))
            {
                taken.Add(read);
            }
        }

        bool Usable(int index) => index != pageIndex && index != excludedIndex && !taken.Contains(index);

        // Pins: an editor's explicit choice wins over ranking (and over an item's exclusion from automatic lists).
        if (visitor.Page is { } page)
        {
            foreach (var pinnedId in page.PinnedNext)
            {
                if (chosen.Count >= settings.Count)
                {
                    break;
                }

                if (catalog.TryIndexOf(pinnedId, out var pinned) && Usable(pinned)
                    && string.Equals(catalog.Items[pinned].Language, language, StringComparison.OrdinalIgnoreCase)
                    && catalog.Stages.FindStage(catalog.Items[pinned].Stage) is { } pinnedStage)
                {
                    taken.Add(pinned);
                    chosen.Add(new Recommendation(catalog.Items[pinned], pinnedStage, RecommendationReason.Pinned, page, catalog.StaticScores[pinned]));
                }
            }
        }

        var hasNext = stageIndex + 1 < stages.Count;
        var nextSlots = hasNext ? Math.Min(settings.NextStageCount, settings.Count - chosen.Count) : 0;
        var currentSlots = settings.Count - chosen.Count - nextSlots;

        var current = Best(catalog, language, stageIndex, currentSlots + nextSlots, affinity, Usable);
        var fromCurrent = current.Take(currentSlots).ToList();
        foreach (var ranked in fromCurrent)
        {
            taken.Add(ranked.Index);
        }

        var fromNext = new List<Ranked>();
        if (nextSlots > 0)
        {
            fromNext = Best(catalog, language, stageIndex + 1, nextSlots, affinity, Usable);
            foreach (var ranked in fromNext)
            {
                taken.Add(ranked.Index);
            }
        }

        chosen.AddRange(fromCurrent.Select(r => Recommend(catalog, r, stages[stageIndex], r.Affinity > 0 ? RecommendationReason.SimilarToReading : RecommendationReason.StageDefault)));

        // A next stage without unread items leaves its slots to the visitor's own stage.
        foreach (var ranked in current.Skip(currentSlots).Where(r => !taken.Contains(r.Index)).Take(nextSlots - fromNext.Count))
        {
            taken.Add(ranked.Index);
            chosen.Add(Recommend(catalog, ranked, stages[stageIndex], ranked.Affinity > 0 ? RecommendationReason.SimilarToReading : RecommendationReason.StageDefault));
        }

        for (var earlier = stageIndex - 1; earlier >= 0 && chosen.Count + fromNext.Count < settings.Count; earlier--)
        {
            foreach (var ranked in Best(catalog, language, earlier, settings.Count - chosen.Count - fromNext.Count, affinity, Usable))
            {
                taken.Add(ranked.Index);
                chosen.Add(Recommend(catalog, ranked, stages[earlier], RecommendationReason.Fallback));
            }
        }

        chosen.AddRange(fromNext.Select(r => Recommend(catalog, r, stages[stageIndex + 1], RecommendationReason.NextStage)));
        return new NextContent(stage, visitor.IsPersonalised, chosen);
    }

    private static Recommendation Recommend(RecommendationCatalog catalog, Ranked ranked, Stage stage, RecommendationReason reason) =>
        new(catalog.Items[ranked.Index], stage, reason, ranked.Because >= 0 ? catalog.Items[ranked.Because] : null, ranked.Score);

    /// <summary>Sums each neighbour's similarity over the seeds (the page, then recent reading, decaying), remembering the seed that contributed most.</summary>
    private static Dictionary<int, (double Score, int Because, double Best)> Affinity(RecommendationCatalog catalog, VisitorContext visitor, int pageIndex)
    {
        var settings = catalog.Settings;
        var result = new Dictionary<int, (double Score, int Because, double Best)>();
        var weight = 1.0;

        void Seed(int seed, double w)
        {
            foreach (var neighbour in catalog.Neighbours[seed])
            {
                var contribution = w * neighbour.Similarity;
                result.TryGetValue(neighbour.Index, out var entry);
                result[neighbour.Index] = contribution > entry.Best
                    ? (entry.Score + contribution, seed, contribution)
                    : (entry.Score + contribution, entry.Because, entry.Best);
            }
        }

        if (pageIndex >= 0)
        {
            Seed(pageIndex, weight);
        }

        var used = 0;
        foreach (var id in visitor.Recent)
        {
            if (used >= settings.RecentReadsConsidered)
            {
                break;
            }

            if (!catalog.TryIndexOf(id, out var seed) || seed == pageIndex)
            {
                continue;
            }

            weight *= settings.RecencyDecay;
            Seed(seed, weight);
            used++;
        }

        return result;
    }

    private static List<Ranked> Best(
        RecommendationCatalog catalog, string language, int stage, int count,
        Dictionary<int, (double Score, int Because, double Best)> affinity, Func<int, bool> usable)
    {
        var best = new List<Ranked>(count + 1);
        if (count <= 0)
        {
            return best;
        }

        var settings = catalog.Settings;
        foreach (var candidate in catalog.CandidatesOf(language, stage))
        {
            if (!usable(candidate.Index))
            {
                continue;
            }

            var found = affinity.TryGetValue(candidate.Index, out var a);
            var score = candidate.Weight * ((settings.AffinityWeight * (found ? a.Score : 0)) + catalog.StaticScores[candidate.Index]);
            var ranked = new Ranked(candidate.Index, score, found ? a.Score : 0, found ? a.Because : -1);
            if (best.Count == count && !IsBetter(catalog, ranked, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && IsBetter(catalog, ranked, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, ranked);
            if (best.Count > count)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        return best;
    }

    /// <summary>Higher score first; then the newer item; then the smaller id, so ties always break the same way.</summary>
    private static bool IsBetter(RecommendationCatalog catalog, Ranked a, Ranked b)
    {
        if (a.Score != b.Score)
        {
            return a.Score > b.Score;
        }

        var dayA = catalog.DayNumbers[a.Index];
        var dayB = catalog.DayNumbers[b.Index];
        return dayA != dayB
            ? dayA > dayB
            : string.CompareOrdinal(catalog.Items[a.Index].Id, catalog.Items[b.Index].Id) < 0;
    }

    private readonly record struct Ranked(int Index, double Score, double Affinity, int Because);
}
