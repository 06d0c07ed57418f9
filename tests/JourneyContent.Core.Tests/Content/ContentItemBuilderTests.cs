using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Content;

/// <summary>The rules every content source shares, checked on raw values as a source reads them.</summary>
public sealed class ContentItemBuilderTests
{
    private static readonly ContentItemBuilder Builder = new(StageModel.Default);

    private static RawContentValues Raw(string? stage = "consideration") => new()
    {
        Id = "en/guide",
        Slug = "guide",
        Language = "en",
        Url = "/en/guide",
        Title = "  The guide ",
        Kind = "blog-post",
        Stage = stage,
    };

    [Fact]
    public void Valid_values_build_the_item_with_trimmed_texts_and_no_problem()
    {
        var built = Builder.Build(Raw() with { Summary = "  Short. ", Topics = ["CRM", " crm ", "Email", ""], Boost = "0.25" });

        Assert.Empty(built.Problems);
        Assert.False(built.HasErrors);
        Assert.Equal("The guide", built.Item.Title);
        Assert.Equal("Short.", built.Item.Summary);
        Assert.Equal("consideration", built.Item.Stage);
        Assert.Equal(["crm", "email"], built.Item.Topics);
        Assert.Equal(0.25, built.Item.Boost);
    }

    [Theory]
    [InlineData("3", 1.0)]
    [InlineData("1.0001", 1.0)]
    [InlineData("-7.5", -1.0)]
    public void A_boost_outside_minus_one_to_one_is_clamped_with_a_warning(string boost, double expected)
    {
        var built = Builder.Build(Raw() with { Boost = boost });

        Assert.Equal(expected, built.Item.Boost);
        var problem = Assert.Single(built.Problems);
        Assert.Equal((ContentProblemCodes.BoostOutOfRange, ContentProblemSeverity.Warning, "boost"), (problem.Code, problem.Severity, problem.Field));
        Assert.False(built.HasErrors);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void A_boost_that_is_not_a_finite_number_is_an_error_and_counts_as_zero(string boost)
    {
        var built = Builder.Build(Raw() with { Boost = boost });

        Assert.Equal(0, built.Item.Boost);
        Assert.Equal(ContentProblemCodes.BoostInvalid, Assert.Single(built.Problems).Code);
        Assert.True(built.HasErrors);
    }

    [Fact]
    public void Repeated_secondary_stages_and_the_primary_stage_are_kept_out_silently()
    {
        var built = Builder.Build(Raw() with
        {
            SecondaryStages = [new("decision", "0.4"), new("Decision"), new("consideration"), new("loyalty")],
        });

        Assert.Empty(built.Problems);
        Assert.Equal([("decision", 0.4), ("loyalty", 0.5)], built.Item.SecondaryStages.Select(s => (s.Stage, s.Weight)));
    }

    [Fact]
    public void Each_faulty_secondary_stage_is_reported_with_its_entry()
    {
        var built = Builder.Build(Raw() with { SecondaryStages = [new("loyalty"), new(null), new("nowhere"), new("decision", "1.5")] });

        Assert.Equal(
            [(ContentProblemCodes.SecondaryStageRequired, 1), (ContentProblemCodes.SecondaryStageUnknown, 2), (ContentProblemCodes.SecondaryWeightInvalid, 3)],
            built.Problems.Select(p => (p.Code, p.Index ?? -1)));
        Assert.Equal(["loyalty"], built.Item.SecondaryStages.Select(s => s.Stage));
    }

    [Fact]
    public void Pins_are_kept_once_in_order_and_never_to_the_item_itself()
    {
        var built = Builder.Build(Raw() with { PinnedNext = ["en/pricing", "en/guide", "en/demo", "en/pricing"] });

        Assert.Equal(["en/pricing", "en/demo"], built.Item.PinnedNext);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("no", null, true)]
    [InlineData("YES", null, false)]
    [InlineData(null, "true", true)]
    [InlineData(null, "0", false)]
    [InlineData("on", "1", true)]
    public void Either_flag_keeps_the_item_out_of_recommendations(string? recommend, string? exclude, bool excluded) =>
        Assert.Equal(excluded, Builder.Build(Raw() with { Recommend = recommend, Exclude = exclude }).Item.ExcludedFromRecommendations);

    [Fact]
    public void An_unsafe_call_to_action_url_is_an_error_and_the_offer_keeps_its_texts_without_the_url()
    {
        var built = Builder.Build(Raw() with { CallToAction = new RawCallToAction { Headline = "Demo", Url = "/\t/evil.example" } });

        var problem = Assert.Single(built.Problems);
        Assert.Equal((ContentProblemCodes.CtaUrlUnsafe, "cta.url"), (problem.Code, problem.Field));
        Assert.Contains("\\u0009", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Demo", built.Item.CallToAction?.Headline);
        Assert.Null(built.Item.CallToAction?.Url);
    }

    [Fact]
    public void Call_to_action_stages_are_kept_once_and_an_unknown_one_is_reported()
    {
        var built = Builder.Build(Raw() with { CallToAction = new RawCallToAction { Button = "Go", Stages = ["decision", "Decision", "later"] } });

        Assert.Equal(ContentProblemCodes.CtaStageUnknown, Assert.Single(built.Problems).Code);
        Assert.Equal(["decision"], built.Item.CallToAction?.Stages);
    }

    [Fact]
    public void Stages_alone_make_no_call_to_action_but_all_stages_does()
    {
        Assert.Null(Builder.Build(Raw() with { CallToAction = new RawCallToAction { Stages = ["decision"] } }).Item.CallToAction);
        Assert.True(Builder.Build(Raw() with { CallToAction = new RawCallToAction { AllStages = "true" } }).Item.CallToAction?.AllStages);
    }

    [Fact]
    public void Form_fields_are_normalised_and_unknown_or_unlisted_required_fields_are_reported()
    {
        var built = Builder.Build(Raw() with
        {
            Form = new RawGatedForm { Fields = ["First-Name", "company", "shoe_size", "company"], Required = ["company", "job_title"] },
        });

        Assert.Equal(
            [("form.fields", ContentProblemCodes.FormFieldUnknown), ("form.required", ContentProblemCodes.FormRequiredNotInFields)],
            built.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal(["first_name", "company"], built.Item.Form?.Fields);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", ContentProblemCodes.StageEmpty)]
    [InlineData("  ", ContentProblemCodes.StageEmpty)]
    [InlineData("purchase", ContentProblemCodes.StageUnknown)]
    public void A_stage_not_set_is_untagged_and_one_set_to_nothing_or_unknown_is_reported(string? stage, string? code)
    {
        var built = Builder.Build(Raw(stage));

        Assert.Null(built.Item.Stage);
        Assert.Equal(code is null ? [] : [code], built.Problems.Select(p => p.Code));
    }

    [Fact]
    public void An_unknown_or_missing_kind_is_reported_and_the_item_gets_the_default_kind()
    {
        // The built-in model has no article kind: its first kind stands in.
        Assert.Equal("blog-post", Builder.DefaultKind);
        var unknown = Builder.Build(Raw() with { Kind = "podcast" });
        var missing = Builder.Build(Raw() with { Kind = " " });

        Assert.Equal(("blog-post", ContentProblemCodes.KindUnknown), (unknown.Item.Kind, Assert.Single(unknown.Problems).Code));
        Assert.Equal(("blog-post", ContentProblemCodes.KindRequired), (missing.Item.Kind, Assert.Single(missing.Problems).Code));
    }
}
