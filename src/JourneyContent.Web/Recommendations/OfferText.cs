using JourneyContent.CallsToAction;
using JourneyContent.Recommendations;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Web.Recommendations;

/// <summary>The words shown for offers: why an item or a call to action was chosen, and a button's default label.</summary>
public static class OfferText
{
    /// <summary>A stable code for a reason, as returned by the API (<c>similar-to-reading</c>).</summary>
    public static string Code(RecommendationReason reason) => reason switch
    {
        RecommendationReason.Pinned => "pinned",
        RecommendationReason.SimilarToReading => "similar-to-reading",
        RecommendationReason.NextStage => "next-stage",
        RecommendationReason.StageDefault => "stage-default",
        _ => "fallback",
    };

    /// <summary>A stable code for a call-to-action reason (<c>stage-match</c>).</summary>
    public static string Code(CallToActionReason reason) => reason switch
    {
        CallToActionReason.StageMatch => "stage-match",
        CallToActionReason.AllStages => "all-stages",
        CallToActionReason.NextStep => "next-step",
        _ => "earlier-stage",
    };

    /// <summary>Why an item was chosen, in the current UI culture.</summary>
    public static string Explain(Recommendation recommendation, string language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(strings);
        var stage = recommendation.Stage.Label.Get(language);
        return recommendation.Reason switch
        {
            RecommendationReason.Pinned => strings["ReasonPinned", recommendation.RelatedTo?.Title ?? string.Empty],
            RecommendationReason.SimilarToReading => strings["ReasonSimilarToReading", recommendation.RelatedTo?.Title ?? string.Empty],
            RecommendationReason.NextStage => strings["ReasonNextStage", stage],
            RecommendationReason.StageDefault => strings["ReasonStageDefault", stage],
            _ => strings["ReasonFallback", stage],
        };
    }

    /// <summary>Why a call to action was chosen, in the current UI culture.</summary>
    public static string Explain(ChosenCallToAction chosen, string language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(strings);
        var stage = chosen.Stage.Label.Get(language);
        return chosen.Reason switch
        {
            CallToActionReason.StageMatch => strings["CtaReasonStageMatch", stage],
            CallToActionReason.AllStages => strings["CtaReasonAllStages"],
            CallToActionReason.NextStep => strings["CtaReasonNextStep", stage],
            _ => strings["CtaReasonEarlierStage", stage],
        };
    }

    /// <summary>The button's label: the editor's, or the kind's default, or a generic one.</summary>
    public static string Button(CallToAction offer, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(strings);
        if (offer.Button is { } written)
        {
            return written;
        }

        var byKind = strings["CtaButton." + offer.Kind];
        return byKind.ResourceNotFound ? strings["CtaButtonDefault"] : byKind;
    }
}
