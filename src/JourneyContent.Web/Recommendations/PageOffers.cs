using JourneyContent.CallsToAction;
using JourneyContent.Recommendations;

namespace JourneyContent.Web.Recommendations;

/// <summary>What one page offers one visitor: the "next for you" list and the call to action.</summary>
/// <param name="Visitor">The visitor context the choice was made for.</param>
/// <param name="Next">The next content.</param>
/// <param name="CallToAction">The call to action, or null when none fits.</param>
/// <param name="IsPreview">True when an editor previews a stage; reasons are shown and nothing is tracked.</param>
/// <param name="ShowReasons">True when the viewer is staff and may see why each item was chosen.</param>
public sealed record PageOffers(VisitorContext Visitor, NextContent Next, ChosenCallToAction? CallToAction, bool IsPreview, bool ShowReasons)
{
    /// <summary>Nothing to offer (personalisation is disabled).</summary>
    public static PageOffers None(string language) => new(new VisitorContext(language, null, null), NextContent.None, null, false, false);
}
