using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Recommendations;
using static JourneyContent.Core.Tests.Recommendations.RecommendationKit;

namespace JourneyContent.Core.Tests.Recommendations;

public sealed class CallToActionSelectorTests
{
    [Theory]
    [InlineData("awareness", new[] { "newsletter", "white-paper" })]
    [InlineData("consideration", new[] { "comparison-benchmark", "webinar" })]
    [InlineData("decision", new[] { "trial-cta", "demo-request", "pricing" })]
    [InlineData("advocacy", new[] { "referral-program", "review-request" })]
    public void Each_stage_gets_an_offer_of_its_own(string stage, string[] kinds)
    {
        var snapshot = Snapshot();

        var chosen = CallToActionSelector.Select(Offers(snapshot), Visitor(snapshot, "en/journey-basics", stage));

        Assert.NotNull(chosen);
        Assert.Contains(chosen.Offer.Kind, kinds);
        Assert.Equal(CallToActionReason.StageMatch, chosen.Reason);
    }

    [Fact]
    public void The_trial_offer_is_hidden_from_awareness_visitors_and_shown_to_decision_visitors()
    {
        var items = Site().Select(i => i.Id == "en/trial" ? i with { Boost = 1 } : i).ToList();
        var snapshot = Snapshot(items);
        var offers = Offers(snapshot);

        var awareness = CallToActionSelector.Select(offers, Visitor(snapshot, "en/journey-basics", "awareness"));
        var decision = CallToActionSelector.Select(offers, Visitor(snapshot, "en/journey-basics", "decision"));

        Assert.NotEqual("trial-cta", awareness?.Offer.Kind);
        Assert.Equal("en/trial", decision?.Offer.Source.Id);
    }

    [Fact]
    public void An_offer_marked_for_all_stages_may_reach_an_awareness_visitor()
    {
        var items = Site()
            .Where(i => i.Stage != "awareness" || !(i.Kind is "newsletter" or "white-paper"))
            .Select(i => i.Id == "en/demo" ? i with { CallToAction = new CallToActionBlock { AllStages = true, Headline = "See it live" } } : i)
            .ToList();
        var snapshot = Snapshot(items);

        var chosen = CallToActionSelector.Select(Offers(snapshot), Visitor(snapshot, "en/journey-basics", "awareness"));

        Assert.Equal("See it live", chosen?.Offer.Headline);
        Assert.Equal(CallToActionReason.AllStages, chosen?.Reason);
    }

    [Fact]
    public void A_gated_asset_already_downloaded_is_not_offered_again_and_the_next_step_is()
    {
        var snapshot = Snapshot(Site().Where(i => i.Id != "en/scoring-webinar"));
        var offers = Offers(snapshot);
        var history = new ReadingHistory();
        history.Record(Tracking.JourneyEventType.Download, "en/benchmark");
        var visitor = VisitorContext.For("en", snapshot.FindById("en/case-nordlys"), Stage("consideration"), history);

        var before = CallToActionSelector.Select(offers, VisitorContext.For("en", snapshot.FindById("en/case-nordlys"), Stage("consideration"), null));
        var after = CallToActionSelector.Select(offers, visitor);

        Assert.Equal("en/benchmark", before?.Offer.Source.Id);
        Assert.Equal("decision", after?.Offer.Source.Stage);
        Assert.Equal(CallToActionReason.NextStep, after?.Reason);
    }

    [Fact]
    public void A_page_does_not_offer_itself()
    {
        var snapshot = Snapshot();

        var chosen = CallToActionSelector.Select(Offers(snapshot), Visitor(snapshot, "en/trial", "decision"));

        Assert.NotEqual("en/trial", chosen?.Offer.Source.Id);
        Assert.Equal("decision", chosen?.Offer.Source.Stage);
    }

    [Fact]
    public void A_stage_without_offers_falls_back_to_an_earlier_stage_never_a_later_one()
    {
        var snapshot = Snapshot(Site().Where(i => i.Stage is not "consideration" || !i.Kind.Contains("webinar", StringComparison.Ordinal) && !i.Kind.Contains("benchmark", StringComparison.Ordinal)));

        var chosen = CallToActionSelector.Select(Offers(snapshot), Visitor(snapshot, "en/journey-basics", "consideration"));

        Assert.Equal("awareness", chosen?.Offer.Source.Stage);
        Assert.Equal(CallToActionReason.EarlierStage, chosen?.Reason);
    }

    [Fact]
    public void A_cta_block_on_any_item_makes_an_offer_with_the_editor_texts_and_stages()
    {
        var onboarding = Item("onboarding", "loyalty", "onboarding-guide") with
        {
            CallToAction = new CallToActionBlock { Headline = "Upgrade to Scale", Text = "More contacts.", Button = "Upgrade", Url = "/en/pricing", Stages = ["loyalty"] },
        };

        var offer = CallToActionCatalog.Offer(onboarding, Model);

        Assert.NotNull(offer);
        Assert.Equal(("Upgrade to Scale", "More contacts.", "Upgrade", "/en/pricing"), (offer.Headline, offer.Text, offer.Button, offer.Url));
        Assert.True(offer.IsFor(Stage("loyalty")));
        Assert.False(offer.IsFor(Stage("awareness")));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("data:text/html,hi")]
    public void Unsafe_cta_urls_fall_back_to_the_item_page(string url)
    {
        var item = Item("trial", "decision", "trial-cta") with { CallToAction = new CallToActionBlock { Url = url } };

        Assert.Equal("/en/trial", CallToActionCatalog.Offer(item, Model)?.Url);
    }

    [Fact]
    public void Untagged_items_and_plain_content_make_no_offer()
    {
        Assert.Null(CallToActionCatalog.Offer(Item("trial", "decision", "trial-cta") with { Stage = null }, Model));
        Assert.Null(CallToActionCatalog.Offer(Item("post", "awareness"), Model));
    }
}
