using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Coverage;
using JourneyContent.Recommendations;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Coverage;

public sealed class CoverageMatrixTests
{
    private static readonly string[] EnglishAndFrench = ["en", "fr"];

    private static int _next;

    private static ContentItem Item(string? stage, string kind, string language, IReadOnlyList<StageWeight>? secondary = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new ContentItem
        {
            Id = $"{language}/item-{n}",
            Slug = $"item-{n}",
            Language = language,
            Title = $"Item {n}",
            Kind = kind,
            Url = $"/{language}/item-{n}",
            Stage = stage,
            SecondaryStages = secondary ?? [],
        };
    }

    /// <summary>Awareness and consideration in both languages, decision in English only, nothing in loyalty and advocacy.</summary>
    private static ContentItem[] SmallSite() =>
    [
        Item("awareness", "blog-post", "en"),
        Item("awareness", "blog-post", "en"),
        Item("awareness", "white-paper", "fr"),
        Item("consideration", "comparison-benchmark", "en"),
        Item("consideration", "case-study", "fr"),
        Item("decision", "pricing", "en"),
        Item(null, "blog-post", "fr"),
        Item("legacy", "blog-post", "en"),
    ];

    [Fact]
    public void Counts_by_stage_kind_and_language_are_right()
    {
        var matrix = CoverageMatrix.Compute([.. SmallSite(), Item("awareness", "podcast", "de")], StageModel.Default, EnglishAndFrench);

        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], matrix.Rows.Select(r => r.Stage.Key));
        Assert.Equal([4, 2, 1, 0, 0], matrix.Rows.Select(r => r.Total));

        var awareness = matrix.Row("awareness")!;
        Assert.Equal(2, awareness.OfKind("blog-post"));
        Assert.Equal(1, awareness.OfKind("white-paper"));
        Assert.Equal(0, awareness.OfKind("pricing"));
        Assert.Equal(1, awareness.OtherKinds);
        Assert.Equal(2, awareness.InLanguage("en"));
        Assert.Equal(1, awareness.InLanguage("fr"));
        Assert.Equal(1, awareness.OtherLanguages);
        Assert.Equal(1, awareness.CallsToAction);
        Assert.Equal(0, awareness.CallsToActionByLanguage["en"]);
        Assert.Equal(1, awareness.CallsToActionByLanguage["fr"]);

        Assert.Equal(7, matrix.Totals.Total);
        Assert.Equal(2, matrix.Totals.OfKind("blog-post"));
        Assert.Equal(4, matrix.Totals.InLanguage("en"));
        Assert.Equal(2, matrix.Totals.InLanguage("fr"));
        Assert.Equal(1, matrix.Untagged.Total);
        Assert.Equal(1, matrix.UntaggedTotal);
        Assert.Equal(1, matrix.UntaggedByLanguage["fr"]);
        Assert.Equal(1, matrix.UnknownStage.Total);
    }

    [Fact]
    public void Every_model_kind_and_language_is_a_column_and_rows_add_up()
    {
        var matrix = CoverageMatrix.Compute(SmallSite(), StageModel.Default, EnglishAndFrench);

        Assert.Equal(StageModel.Default.Kinds, matrix.Kinds);
        Assert.Equal(EnglishAndFrench, matrix.Languages);
        Assert.All([.. matrix.Rows, matrix.Totals, matrix.Untagged, matrix.UnknownStage], (CoverageCounts row) =>
        {
            Assert.Equal(StageModel.Default.Kinds.Select(k => k.Key).Order(), row.ByKind.Keys.Order());
            Assert.Equal(row.Total, row.ByKind.Values.Sum() + row.OtherKinds);
            Assert.Equal(row.Total, row.ByLanguage.Values.Sum() + row.OtherLanguages);
        });
    }

    [Fact]
    public void Missing_french_decision_content_is_a_missing_language_gap_of_that_stage()
    {
        var matrix = CoverageMatrix.Compute(SmallSite(), StageModel.Default, EnglishAndFrench);

        var gap = Assert.Single(matrix.Gaps, g => g.Code == CoverageGapCodes.StageMissingLanguage);
        Assert.Equal("decision", gap.Stage.Key);
        Assert.Equal("fr", gap.Language);
        Assert.Null(gap.Kind);
    }

    [Fact]
    public void Gaps_are_listed_in_funnel_order_then_language_order()
    {
        var matrix = CoverageMatrix.Compute(SmallSite(), StageModel.Default, EnglishAndFrench);

        Assert.Equal(
            [
                ("awareness", "en", CoverageGapCodes.StageWithoutCallToAction),
                ("consideration", "fr", CoverageGapCodes.StageWithoutCallToAction),
                ("decision", "fr", CoverageGapCodes.StageMissingLanguage),
                ("loyalty", null, CoverageGapCodes.StageEmpty),
                ("advocacy", null, CoverageGapCodes.StageEmpty),
            ],
            matrix.Gaps.Select(g => (g.Stage.Key, g.Language, g.Code)));
    }

    [Fact]
    public void Stage_with_only_blog_posts_reports_no_call_to_action()
    {
        var items = new[] { Item("awareness", "blog-post", "en"), Item("awareness", "blog-post", "fr") };

        var gaps = CoverageMatrix.Compute(items, StageModel.Default, EnglishAndFrench).Gaps
            .Where(g => g.Stage.Key == "awareness")
            .ToList();

        Assert.Equal([CoverageGapCodes.StageWithoutCallToAction, CoverageGapCodes.StageWithoutCallToAction], gaps.Select(g => g.Code));
        Assert.Equal(["en", "fr"], gaps.Select(g => g.Language));
    }

    [Theory]
    [InlineData("blog-post", true)]
    [InlineData("video", true)]
    [InlineData("how-to-guide", true)]
    [InlineData("case-study", true)]
    [InlineData("testimonial", true)]
    [InlineData("onboarding-guide", true)]
    [InlineData("newsletter", false)]
    [InlineData("white-paper", false)]
    [InlineData("comparison-benchmark", false)]
    [InlineData("webinar", false)]
    [InlineData("pricing", false)]
    [InlineData("trial-cta", false)]
    [InlineData("demo-request", false)]
    [InlineData("referral-program", false)]
    [InlineData("review-request", false)]
    public void A_stage_whose_only_content_is_of_one_kind_lacks_a_call_to_action_unless_the_kind_is_one(string kind, bool reportsNoCallToAction)
    {
        var gaps = CoverageMatrix.Compute([Item("consideration", kind, "en")], StageModel.Default, ["en"]).Gaps;

        Assert.Equal(reportsNoCallToAction, gaps.Any(g => g.Stage.Key == "consideration" && g.Code == CoverageGapCodes.StageWithoutCallToAction));
    }

    [Fact]
    public void A_stage_whose_only_offer_is_the_cta_block_of_a_guide_is_covered()
    {
        // The demo's loyalty content: an onboarding guide (not a call-to-action kind) whose front matter has a cta: block.
        var guide = Item("loyalty", "onboarding-guide", "en") with { CallToAction = new CallToActionBlock { Headline = "Move up to Scale", Url = "/en/pricing" } };

        var matrix = CoverageMatrix.Compute([guide, Item("loyalty", "how-to-guide", "en")], StageModel.Default, ["en"]);

        Assert.DoesNotContain(matrix.Gaps, g => g.Stage.Key == "loyalty" && g.Code == CoverageGapCodes.StageWithoutCallToAction);
        Assert.Equal(1, matrix.Row("loyalty")!.CallsToAction);
        Assert.Equal(1, matrix.Row("loyalty")!.CallsToActionByLanguage["en"]);
    }

    [Fact]
    public void A_cta_block_counts_for_the_stages_it_names_and_one_marked_for_every_stage_counts_for_each()
    {
        var items = new[]
        {
            Item("decision", "how-to-guide", "en") with { CallToAction = new CallToActionBlock { Headline = "Refer a friend", Stages = ["advocacy"] } },
            Item("advocacy", "testimonial", "en"),
            Item("awareness", "blog-post", "fr") with { CallToAction = new CallToActionBlock { Headline = "Newsletter", AllStages = true } },
        };

        var matrix = CoverageMatrix.Compute(items, StageModel.Default, EnglishAndFrench);

        Assert.Equal((0, 1), (matrix.Row("decision")!.CallsToActionByLanguage["en"], matrix.Row("decision")!.CallsToAction));
        Assert.Equal(1, matrix.Row("advocacy")!.CallsToActionByLanguage["en"]);
        Assert.All(matrix.Rows, row => Assert.Equal(1, row.CallsToActionByLanguage["fr"]));
        Assert.Contains(matrix.Gaps, g => g.Stage.Key == "decision" && g.Language == "en" && g.Code == CoverageGapCodes.StageWithoutCallToAction);
        Assert.DoesNotContain(matrix.Gaps, g => g.Stage.Key == "advocacy" && g.Code == CoverageGapCodes.StageWithoutCallToAction);
    }

    [Fact]
    public void Coverage_and_the_offer_picker_agree_on_which_stages_get_an_offer_of_their_own()
    {
        var items = new List<ContentItem>
        {
            Item("awareness", "blog-post", "en"),
            Item("awareness", "newsletter", "fr"),
            Item("consideration", "case-study", "en") with { CallToAction = new CallToActionBlock { Headline = "Book a call", Stages = ["decision"] } },
            Item("consideration", "webinar", "en"),
            Item("decision", "blog-post", "fr"),
            Item("loyalty", "onboarding-guide", "en") with { CallToAction = new CallToActionBlock { Headline = "Upgrade" } },
            Item("loyalty", "onboarding-guide", "fr"),
            Item("advocacy", "testimonial", "en") with { CallToAction = new CallToActionBlock { Headline = "Everyone", AllStages = true, Stages = [] } },
            Item(null, "pricing", "en"),
        };
        var page = Item("awareness", "blog-post", "en");
        var matrix = CoverageMatrix.Compute(items, StageModel.Default, EnglishAndFrench);
        var offers = CallToActionCatalog.Build(new ContentSnapshot([.. items, page], [], DateTimeOffset.UnixEpoch), StageModel.Default);

        foreach (var stage in StageModel.Default.Stages)
        {
            foreach (var language in EnglishAndFrench)
            {
                var chosen = CallToActionSelector.Select(offers, new VisitorContext(language, page, stage));
                var own = chosen?.Reason is CallToActionReason.StageMatch or CallToActionReason.AllStages;
                Assert.True(own == (matrix.Row(stage.Key)!.CallsToActionByLanguage[language] > 0), $"{stage.Key} in {language}: picker {chosen?.Reason}, coverage {matrix.Row(stage.Key)!.CallsToActionByLanguage[language]}");
            }
        }
    }

    [Fact]
    public void An_empty_stage_reports_only_that_it_is_empty()
    {
        var gaps = CoverageMatrix.Compute(SmallSite(), StageModel.Default, EnglishAndFrench).Gaps.Where(g => g.Stage.Key == "loyalty");

        var gap = Assert.Single(gaps);
        Assert.Equal(CoverageGapCodes.StageEmpty, gap.Code);
    }

    [Fact]
    public void Untagged_items_and_secondary_stages_do_not_fill_a_stage()
    {
        var items = new[]
        {
            Item("decision", "pricing", "en"),
            Item(null, "pricing", "fr"),
            Item("awareness", "white-paper", "fr", [new StageWeight("decision", 0.5)]),
        };

        var matrix = CoverageMatrix.Compute(items, StageModel.Default, EnglishAndFrench);

        Assert.Equal(0, matrix.Row("decision")!.InLanguage("fr"));
        Assert.Contains(matrix.Gaps, g => g.Stage.Key == "decision" && g.Language == "fr" && g.Code == CoverageGapCodes.StageMissingLanguage);
        Assert.Equal(1, matrix.Untagged.OfKind("pricing"));
    }

    [Fact]
    public void Custom_three_stage_model_has_only_its_three_rows()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages =
            [
                new StageSettings { Key = "attract" },
                new StageSettings { Key = "consideration" },
                new StageSettings { Key = "decision" },
            ],
        });
        var items = new[] { Item("attract", "blog-post", "en"), Item("decision", "pricing", "en"), Item("loyalty", "onboarding-guide", "en") };

        var matrix = CoverageMatrix.Compute(items, model, ["en"]);

        Assert.Equal(["attract", "consideration", "decision"], matrix.Rows.Select(r => r.Stage.Key));
        Assert.Null(matrix.Row("loyalty"));
        Assert.Equal(1, matrix.UnknownStage.Total);
        Assert.Equal(2, matrix.Totals.Total);
        Assert.All(matrix.Gaps, g => Assert.Contains(g.Stage.Key, new[] { "attract", "consideration", "decision" }));
        Assert.Equal("consideration", matrix.Gaps.Single(g => g.Code == CoverageGapCodes.StageEmpty).Stage.Key);
    }

    [Fact]
    public void Without_languages_the_call_to_action_check_covers_the_whole_stage()
    {
        var matrix = CoverageMatrix.Compute([Item("awareness", "blog-post", "en"), Item("decision", "pricing", "fr")], StageModel.Default, []);

        var gap = Assert.Single(matrix.Gaps, g => g.Code == CoverageGapCodes.StageWithoutCallToAction);
        Assert.Equal("awareness", gap.Stage.Key);
        Assert.Null(gap.Language);
        Assert.Empty(matrix.Languages);
    }

    [Fact]
    public void Language_codes_are_compared_without_regard_to_case()
    {
        var matrix = CoverageMatrix.Compute([Item("decision", "pricing", "FR")], StageModel.Default, [" Fr "]);

        Assert.Equal(["fr"], matrix.Languages);
        Assert.Equal(1, matrix.Row("decision")!.InLanguage("fr"));
    }

    [Theory]
    [InlineData("en", "EN")]
    [InlineData("en", " ")]
    public void Blank_or_repeated_languages_are_rejected(string first, string second)
    {
        Assert.Throws<ArgumentException>(() => CoverageMatrix.Compute([], StageModel.Default, [first, second]));
    }
}
