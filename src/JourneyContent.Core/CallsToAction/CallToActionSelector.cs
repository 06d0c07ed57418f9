using JourneyContent.Recommendations;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>Chooses the one call to action a page shows to a visitor.</summary>
/// <remarks>
/// <para>The offers meant for the visitor's stage come first, then those an editor marked for every stage (together
/// <see cref="CallToActionCatalog.OffersFor"/>, the rule coverage counts too). An offer
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
        var language = visitor.Language;
        var own = catalog.OffersFor(language, stage);
        if (First(own.ForStage, visitor, out var anyTaken) is { } match)
        {
            return new ChosenCallToAction(match, stage, CallToActionReason.StageMatch);
        }

        if (First(own.ForAllStages, visitor, out _) is { } everyone)
        {
            return new ChosenCallToAction(everyone, stage, CallToActionReason.AllStages);
        }

        // Only a visitor who took this stage's offers is moved on to the next stage's: never one who merely has none.
        if (anyTaken && catalog.Stages.Next(stage) is { } next && First(catalog.For(language, next), visitor, out _) is { } nextStep)
        {
            return new ChosenCallToAction(nextStep, stage, CallToActionReason.NextStep);
        }

        for (var earlier = catalog.Stages.Previous(stage); earlier is not null; earlier = catalog.Stages.Previous(earlier))
        {
            if (First(catalog.For(language, earlier), visitor, out _) is { } fallback)
            {
                return new ChosenCallToAction(fallback, stage, CallToActionReason.EarlierStage);
            }
        }

        return null;
    }

    /// <summary>The best offer not on this page and not already taken; <paramref name="anyTaken"/> tells whether one was skipped as taken.</summary>
    private static CallToAction? First(IReadOnlyList<CallToAction> ranked, VisitorContext visitor, out bool anyTaken)
    {
        anyTaken = false;
        foreach (var offer in ranked)
        {
            if (IsOnPage(offer, visitor))
            {
                continue;
            }

            if (offer.Source.IsGated && visitor.Downloaded.Contains(offer.Source.Id))
            {
                anyTaken = true;
                continue;
            }

            return offer;
        }

        return null;
    }

    private static bool IsOnPage(CallToAction offer, VisitorContext visitor) =>
        visitor.Page is { } page
        && (string.Equals(offer.Source.Id, page.Id, StringComparison.Ordinal) || string.Equals(offer.Url, page.Url, StringComparison.OrdinalIgnoreCase));
}
