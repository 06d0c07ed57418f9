using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.CallsToAction;

/// <summary>An offer a page can make: subscribe, download the white paper, start a trial, refer a friend…</summary>
/// <param name="Source">The content item that defines the offer (its page, or the item carrying the <c>cta</c> block).</param>
/// <param name="Kind">The source's kind key, which themes use to pick an icon or a default button label.</param>
/// <param name="Headline">The headline, in the source's language.</param>
/// <param name="Text">The supporting sentence; may be empty.</param>
/// <param name="Button">The button label written by the editor, or null to use the kind's default label.</param>
/// <param name="Url">Where the button goes.</param>
/// <param name="Stages">The stages the offer is for.</param>
/// <param name="AllStages">True when an editor marked the offer for every stage.</param>
public sealed record CallToAction(
    ContentItem Source, string Kind, string Headline, string Text, string? Button, string Url, IReadOnlyList<Stage> Stages, bool AllStages)
{
    /// <summary>True when the offer suits a visitor in <paramref name="stage"/>.</summary>
    public bool IsFor(Stage stage) => AllStages || Stages.Contains(stage);
}

/// <summary>Why a call to action was chosen; shown to editors and returned by the API.</summary>
public enum CallToActionReason
{
    /// <summary>It is meant for the visitor's stage.</summary>
    StageMatch,

    /// <summary>An editor marked it for every stage.</summary>
    AllStages,

    /// <summary>The visitor already took the offers of their stage; this is the next step.</summary>
    NextStep,

    /// <summary>The stage has no offer; this one is meant for an earlier stage.</summary>
    EarlierStage,
}

/// <summary>The call to action chosen for one page and one visitor.</summary>
/// <param name="Offer">The offer.</param>
/// <param name="Stage">The visitor's stage it was chosen for.</param>
/// <param name="Reason">Why it was chosen.</param>
public sealed record ChosenCallToAction(CallToAction Offer, Stage Stage, CallToActionReason Reason);

/// <summary>The offers meant for a visitor of one stage in one language (see <see cref="CallToActionCatalog.OffersFor"/>).</summary>
/// <param name="ForStage">The offers meant for the stage, best first.</param>
/// <param name="ForAllStages">The offers an editor marked for every stage, best first.</param>
public sealed record StageOffers(IReadOnlyList<CallToAction> ForStage, IReadOnlyList<CallToAction> ForAllStages)
{
    /// <summary>How many offers a visitor of the stage can be shown as their own.</summary>
    public int Count => ForStage.Count + ForAllStages.Count;

    /// <summary>All of them: those meant for the stage first, then those for every stage.</summary>
    public IEnumerable<CallToAction> All => ForStage.Concat(ForAllStages);
}
