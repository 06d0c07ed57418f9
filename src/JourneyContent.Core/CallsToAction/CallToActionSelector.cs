using JourneyContent.Recommendations;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>Chooses the one call to action a page shows to a visitor.</summary>
/// <remarks>
/// <para>The offers meant for the visitor's stage come first, then those an editor marked for every stage. An offer
/// for a later stage is never shown (no free trial for a visitor who arrived five minutes ago), with one exception:
/// when the visitor already took every offer of their stage (downloaded the gated asset), the next stage's offer is
/// the next step. A stage with no offer at all falls back to the nearest earlier stage's.</para>
/// <para>The page's own offer is not repeated on it. Among equals: higher editorial boost, then newer, then id.</para>
/// </remarks>
public static class CallToActionSelector
{
    /// <summary>Chooses the offer, or null when the site has none that fits.</summary>
    public static ChosenCallToAction? Select(CallToActionCatalog catalog, VisitorContext visitor)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(visitor);
        var stage = visitor.Stage ?? catalog.Stages.FindStage(visitor.Page?.Stage) ?? catalog.Stages.First;
        var offers = catalog.InLanguage(visitor.Language)
            .Where(o => !string.Equals(o.Source.Id, visitor.Page?.Id, StringComparison.Ordinal)
                && !string.Equals(o.Url, visitor.Page?.Url, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var forStage = offers.Where(o => !o.AllStages && o.Stages.Contains(stage)).ToList();
        var open = forStage.Where(o => !Taken(o, visitor)).ToList();
        if (Best(open) is { } match)
        {
            return new ChosenCallToAction(match, stage, CallToActionReason.StageMatch);
        }

        if (Best(offers.Where(o => o.AllStages && !Taken(o, visitor))) is { } everyone)
        {
            return new ChosenCallToAction(everyone, stage, CallToActionReason.AllStages);
        }

        if (forStage.Count > 0 && catalog.Stages.Next(stage) is { } next
            && Best(offers.Where(o => !o.AllStages && o.Stages.Contains(next) && !Taken(o, visitor))) is { } nextStep)
        {
            return new ChosenCallToAction(nextStep, stage, CallToActionReason.NextStep);
        }

        for (var earlier = catalog.Stages.Previous(stage); earlier is not null; earlier = catalog.Stages.Previous(earlier))
        {
            var candidate = earlier;
            if (Best(offers.Where(o => !o.AllStages && o.Stages.Contains(candidate) && !Taken(o, visitor))) is { } fallback)
            {
                return new ChosenCallToAction(fallback, stage, CallToActionReason.EarlierStage);
            }
        }

        return null;
    }

    private static bool Taken(CallToAction offer, VisitorContext visitor) =>
        offer.Source.IsGated && visitor.Downloaded.Contains(offer.Source.Id);

    private static CallToAction? Best(IEnumerable<CallToAction> offers) => offers
        .OrderByDescending(o => o.Source.Boost)
        .ThenByDescending(o => o.Source.Date ?? DateOnly.MinValue)
        .ThenBy(o => o.Source.Id, StringComparer.Ordinal)
        .ThenBy(o => o.Url, StringComparer.Ordinal)
        .FirstOrDefault();
}
