using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class CompiledInferenceModelTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var model = CompiledInferenceModel.Default;

        Assert.Equal([1.0, 2, 3, 4, 5, 5, 5, 5, 5, 5, 0], JourneyEventTypes.All.Select(model.EventWeight));
        Assert.All(StageModel.Default.Kinds, k => Assert.Equal(1, model.KindMultiplier(k.Key)));
        Assert.Equal(TimeSpan.FromDays(14), model.HalfLife);
        Assert.Equal(TimeSpan.FromMinutes(30), model.SessionGap);
        Assert.Equal(4, model.SessionCarryOver);
        Assert.Equal((0.5, 1.0), (model.ForwardMargin, model.BackwardMargin));
        Assert.Equal(TimeSpan.FromDays(30), model.ExplicitSignalDuration);
        Assert.Equal(("decision", "loyalty"), (model.TrialStage?.Key, model.CustomerStage?.Key));
        Assert.Equal((5, 0.5), (model.TopContentCount, model.ConfidencePrior));
    }

    [Fact]
    public void Settings_override_weights_by_key_without_regard_to_case()
    {
        var model = CompiledInferenceModel.Compile(StageModel.Default, new StageInferenceSettings
        {
            EventWeights = { ["CTA_click"] = 2.5, ["purchase"] = 0 },
            KindMultipliers = { [" Pricing "] = 3 },
        });

        Assert.Equal(2.5, model.EventWeight(JourneyEventType.CtaClick));
        Assert.Equal(0, model.EventWeight(JourneyEventType.Purchase));
        Assert.Equal(1, model.EventWeight(JourneyEventType.View));
        Assert.Equal(3, model.KindMultiplier("pricing"));
        Assert.Equal(1, model.KindMultiplier("podcast"));
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var settings = new StageInferenceSettings
        {
            EventWeights = { ["scroll"] = 1, ["view"] = -1 },
            KindMultipliers = { ["podcast"] = 2, ["pricing"] = 0 },
            HalfLife = TimeSpan.Zero,
            SessionGap = TimeSpan.FromMinutes(-1),
            SessionCarryOver = double.NaN,
            ForwardMargin = -0.5,
            BackwardMargin = double.PositiveInfinity,
            ExplicitSignalDuration = TimeSpan.FromDays(-1),
            TopContentCount = 0,
            ConfidencePrior = -1,
            TrialStage = "trying",
        };

        var error = Assert.Throws<InferenceSettingsException>(() => CompiledInferenceModel.Compile(StageModel.Default, settings));

        Assert.Equal(13, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("EventWeights:scroll is not an event type", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("KindMultipliers:podcast is not a content kind", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("TrialStage 'trying' is not a configured stage", StringComparison.Ordinal));
    }

    [Fact]
    public void The_built_in_signal_stages_are_optional_but_a_configured_one_must_exist()
    {
        var three = ThreeStages();

        var model = CompiledInferenceModel.Compile(three);
        var custom = CompiledInferenceModel.Compile(three, new StageInferenceSettings { TrialStage = "buy", CustomerStage = null });

        Assert.Null(model.TrialStage);
        Assert.Equal("buy", custom.TrialStage?.Key);
        Assert.Null(custom.CustomerStage);
        Assert.Throws<InferenceSettingsException>(() => CompiledInferenceModel.Compile(three, new StageInferenceSettings { CustomerStage = "loyal" }));
    }

    [Fact]
    public void Changing_the_settings_after_compiling_has_no_effect()
    {
        var settings = new StageInferenceSettings();
        var model = CompiledInferenceModel.Compile(StageModel.Default, settings);

        settings.HalfLife = TimeSpan.FromDays(1);
        settings.EventWeights["view"] = 9;

        Assert.Equal(TimeSpan.FromDays(14), model.HalfLife);
        Assert.Equal(1, model.EventWeight(JourneyEventType.View));
    }

    [Theory]
    [InlineData("case-study", "decision", "decision")]
    [InlineData("case-study", null, "consideration")]
    [InlineData("case-study", "removed-stage", "consideration")]
    [InlineData("unknown-kind", "loyalty", "loyalty")]
    [InlineData("unknown-kind", null, null)]
    public void A_signal_counts_towards_the_item_stage_or_else_its_kind_default(string kind, string? stage, string? expected)
    {
        var signal = CompiledInferenceModel.Default.Signal(Item("x", kind, stage));

        Assert.Equal(expected, signal.Stage?.Key);
        Assert.Equal("x", signal.ContentId);
    }

    [Fact]
    public void A_signal_keeps_known_secondary_stages_other_than_the_primary_once_each()
    {
        var signal = CompiledInferenceModel.Default.Signal(Item("x", "case-study", "consideration",
            new StageWeight("decision", 0.4), new StageWeight("consideration", 0.5), new StageWeight("gone", 0.2), new StageWeight("decision", 0.9)));

        Assert.Equal([("decision", 0.4)], signal.SecondaryStages.Select(s => (s.Stage.Key, s.Share)));
        Assert.Equal("case-study", signal.Kind?.Key);
        Assert.Equal("x (consideration)", signal.ToString());
    }

    [Fact]
    public void Content_is_found_by_id_or_slug_and_ids_win()
    {
        var index = ContentSignalIndex.Create(CompiledInferenceModel.Default,
        [
            Item("en/pricing", "pricing"),
            Item("fr/pricing", "pricing"),
            Item("en/guide", "how-to-guide") with { Slug = "en/pricing-guide" },
        ]);

        Assert.Equal(3, index.Count);
        Assert.True(index.TryFind("fr/pricing", out var byId));
        Assert.Equal("fr/pricing", byId.ContentId);
        Assert.True(index.TryFind("pricing", out var bySlug));
        Assert.Equal("en/pricing", bySlug.ContentId);
        Assert.True(index.TryFind("en/pricing-guide".AsSpan(), out var bySpan));
        Assert.Equal("en/guide", bySpan.ContentId);
        Assert.False(index.TryFind("Pricing", out _));
        Assert.False(index.TryFind((string?)null, out _));
        Assert.Throws<ArgumentException>(() => ContentSignalIndex.Create(CompiledInferenceModel.Default, [Item("a", "video"), Item("a", "video")]));
    }
}
