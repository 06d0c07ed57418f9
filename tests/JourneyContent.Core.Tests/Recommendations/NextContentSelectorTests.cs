using JourneyContent.Content;
using JourneyContent.Recommendations;
using static JourneyContent.Core.Tests.Recommendations.RecommendationKit;

namespace JourneyContent.Core.Tests.Recommendations;

public sealed class NextContentSelectorTests
{
    [Fact]
    public void Consideration_visitor_gets_consideration_items_plus_one_decision_item_and_nothing_already_read()
    {
        var snapshot = Snapshot();
        var visitor = Visitor(snapshot, "en/scoring-guide", "consideration", "en/scoring-webinar", "en/case-nordlys", "en/scoring-guide");

        var next = NextContentSelector.Select(Catalog(snapshot), visitor);

        Assert.Equal(3, next.Items.Count);
        Assert.Equal(["consideration", "consideration", "decision"], next.Items.Select(r => r.Item.Stage));
        Assert.Equal(RecommendationReason.NextStage, next.Items[^1].Reason);
        Assert.DoesNotContain(next.Items, r => visitor.Read.Contains(r.Item.Id) || r.Item.Id == "en/scoring-guide");
        Assert.True(next.IsPersonalised);
    }

    [Fact]
    public void Items_are_in_the_page_language_only()
    {
        var snapshot = Snapshot();
        var visitor = Visitor(snapshot, "fr/le-scoring", "consideration");

        var next = NextContentSelector.Select(Catalog(snapshot), visitor);

        Assert.NotEmpty(next.Items);
        Assert.All(next.Items, r => Assert.Equal("fr", r.Item.Language));
        Assert.Equal(["fr/le-webinaire"], next.Items.Where(r => r.Item.Stage == "consideration").Select(r => r.Item.Id));
    }

    [Fact]
    public void Topic_affinity_ranks_items_related_to_the_reading_first()
    {
        var snapshot = Snapshot();
        var visitor = Visitor(snapshot, "en/case-nordlys", "consideration", "en/case-nordlys");

        var next = NextContentSelector.Select(Catalog(snapshot), visitor);

        // case-nordlys is about crm: the crm items of the stage (benchmark, case-berthe) beat the scoring items.
        Assert.Equal(["en/benchmark", "en/case-berthe"], next.Items.Take(2).Select(r => r.Item.Id).Order(StringComparer.Ordinal));
        Assert.All(next.Items.Take(2), r => Assert.Equal(RecommendationReason.SimilarToReading, r.Reason));
        Assert.All(next.Items.Take(2), r => Assert.Equal("en/case-nordlys", r.RelatedTo?.Id));
        Assert.Equal("en/demo", next.Items[^1].Item.Id);
    }

    [Fact]
    public void The_same_input_always_gives_the_same_list_and_ties_go_to_the_newer_then_smaller_id()
    {
        var items = Enumerable.Range(0, 8).Select(i => Item($"post-{i}", "awareness", ageDays: i < 4 ? 10 : 20)).ToList();
        items.Add(Item("page", "awareness"));
        var snapshot = Snapshot(items);
        var catalog = Catalog(snapshot, new RecommendationSettings { NextStageCount = 0 });
        var visitor = Visitor(snapshot, "en/page", "awareness");

        var first = NextContentSelector.Select(catalog, visitor).Items.Select(r => r.Item.Id).ToList();
        var again = NextContentSelector.Select(Catalog(Snapshot(Enumerable.Reverse(items))), visitor).Items.Select(r => r.Item.Id).ToList();

        Assert.Equal(["en/post-0", "en/post-1", "en/post-2"], first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Fresher_items_and_editorial_boosts_rank_higher()
    {
        var items = new List<ContentItem>
        {
            Item("page", "awareness"),
            Item("old", "awareness", ageDays: 900),
            Item("new", "awareness", ageDays: 1),
            Item("boosted-old", "awareness", ageDays: 900) with { Boost = 1 },
            Item("buried-new", "awareness", ageDays: 0) with { Boost = -1 },
        };
        var snapshot = Snapshot(items);

        var next = NextContentSelector.Select(Catalog(snapshot, new RecommendationSettings { NextStageCount = 0, Count = 4 }), Visitor(snapshot, "en/page", "awareness"));

        Assert.Equal(["en/boosted-old", "en/new", "en/old", "en/buried-new"], next.Items.Select(r => r.Item.Id));
    }

    [Fact]
    public void Pinned_items_come_first_even_when_excluded_from_automatic_lists()
    {
        var items = Site();
        items[0] = items[0] with { PinnedNext = ["en/pricing", "en/missing", "fr/essai"] };
        items[items.FindIndex(i => i.Id == "en/pricing")] = items.First(i => i.Id == "en/pricing") with { ExcludedFromRecommendations = true };
        var snapshot = Snapshot(items);

        var next = NextContentSelector.Select(Catalog(snapshot), Visitor(snapshot, "en/what-is-inbound", "awareness"));

        Assert.Equal("en/pricing", next.Items[0].Item.Id);
        Assert.Equal(RecommendationReason.Pinned, next.Items[0].Reason);
        Assert.DoesNotContain(next.Items, r => r.Item.Id == "fr/essai");
    }

    [Fact]
    public void Items_excluded_by_an_editor_are_never_chosen_automatically()
    {
        var items = Site().Select(i => i.Id == "en/case-berthe" ? i with { ExcludedFromRecommendations = true } : i).ToList();
        var snapshot = Snapshot(items);

        var next = NextContentSelector.Select(Catalog(snapshot, new RecommendationSettings { Count = 10 }), Visitor(snapshot, "en/case-nordlys", "consideration"));

        Assert.DoesNotContain(next.Items, r => r.Item.Id == "en/case-berthe");
    }

    [Fact]
    public void Without_a_stage_the_default_is_related_content_of_the_page_stage_for_everybody()
    {
        var snapshot = Snapshot();
        var anonymous = VisitorContext.For("en", snapshot.FindById("en/case-nordlys"), null, null);

        var next = NextContentSelector.Select(Catalog(snapshot), anonymous);

        Assert.False(next.IsPersonalised);
        Assert.Equal("consideration", next.Stage?.Key);
        Assert.Equal(["consideration", "consideration", "decision"], next.Items.Select(r => r.Item.Stage));
        Assert.Equal("en/benchmark", next.Items[0].Item.Id);
    }

    [Fact]
    public void A_stage_that_runs_out_of_unread_items_is_completed_from_earlier_stages_never_later_ones()
    {
        var snapshot = Snapshot();
        var visitor = Visitor(snapshot, "en/onboarding", "loyalty");

        var next = NextContentSelector.Select(Catalog(snapshot, new RecommendationSettings { NextStageCount = 0 }), visitor);

        Assert.Equal(3, next.Items.Count);
        Assert.All(next.Items, r => Assert.Equal("decision", r.Item.Stage));
        Assert.All(next.Items, r => Assert.Equal(RecommendationReason.Fallback, r.Reason));
    }

    [Fact]
    public void The_item_shown_as_call_to_action_is_not_listed_again()
    {
        var snapshot = Snapshot();
        var visitor = Visitor(snapshot, "en/case-nordlys", "consideration");

        var next = NextContentSelector.Select(Catalog(snapshot), visitor, alsoExclude: "en/benchmark");

        Assert.DoesNotContain(next.Items, r => r.Item.Id == "en/benchmark");
    }

    [Fact]
    public void Secondary_stages_make_an_item_a_candidate_of_those_stages()
    {
        var items = new List<ContentItem>
        {
            Item("page", "decision"),
            Item("security", "consideration") with { SecondaryStages = [new StageWeight("decision", 0.5)] },
        };
        var snapshot = Snapshot(items);

        var next = NextContentSelector.Select(Catalog(snapshot, new RecommendationSettings { NextStageCount = 0 }), Visitor(snapshot, "en/page", "decision"));

        Assert.Equal(["en/security"], next.Items.Select(r => r.Item.Id));
        Assert.Equal("decision", next.Items[0].Stage.Key);
    }

    [Fact]
    public void Reading_history_keeps_recent_items_distinct_newest_first_and_remembers_downloads()
    {
        var history = new ReadingHistory();
        for (var i = 0; i < 15; i++)
        {
            history.Record(Tracking.JourneyEventType.View, $"en/{i}");
        }

        history.Record(Tracking.JourneyEventType.View, "en/9");
        history.Record(Tracking.JourneyEventType.Download, "en/benchmark");
        history.Record(Tracking.JourneyEventType.CtaClick, "en/trial");

        Assert.Equal(ReadingHistory.RecentCapacity, history.Recent.Count);
        Assert.Equal(["en/benchmark", "en/9", "en/14", "en/13"], history.Recent.Take(4));
        Assert.Equal(16, history.Read.Count);
        Assert.Contains("en/benchmark", history.Downloaded);
        Assert.DoesNotContain("en/trial", history.Read);
    }

    [Theory]
    [InlineData(0, 1, "Count")]
    [InlineData(3, 4, "NextStageCount")]
    public void Invalid_settings_are_named(int count, int nextStageCount, string field)
    {
        var errors = new RecommendationSettings { Count = count, NextStageCount = nextStageCount }.Validate();

        Assert.Contains(errors, e => e.Contains(field, StringComparison.Ordinal));
    }
}
