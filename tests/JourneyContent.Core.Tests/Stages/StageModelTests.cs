using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Stages;

public sealed class StageModelTests
{
    [Fact]
    public void Built_in_model_has_the_five_stages_in_funnel_order()
    {
        var model = StageModel.Default;

        Assert.Equal(["awareness", "consideration", "decision", "loyalty", "advocacy"], model.Stages.Select(s => s.Key));
        Assert.Equal([0, 1, 2, 3, 4], model.Stages.Select(s => s.Order));
    }

    [Theory]
    [InlineData("awareness", "en", "Awareness", "A need is recognised")]
    [InlineData("awareness", "fr", "Découverte", "Un besoin est identifié")]
    [InlineData("consideration", "fr", "Considération", "Les solutions sont comparées")]
    [InlineData("decision", "en", "Decision", "A supplier is chosen")]
    [InlineData("loyalty", "fr", "Fidélisation", "Après l'achat")]
    [InlineData("advocacy", "en", "Advocacy", "The customer recommends the brand")]
    [InlineData("decision", "de", "Entscheidung", "Ein Anbieter wird gewählt")]
    public void Built_in_stages_have_english_french_and_german_labels_and_descriptions(string key, string language, string label, string description)
    {
        var stage = StageModel.Default.FindStage(key)!;

        Assert.Equal(label, stage.Label.Get(language));
        Assert.Equal(description, stage.Description.Get(language));
    }

    [Theory]
    [InlineData("awareness", "en", "Just exploring")]
    [InlineData("consideration", "en", "Comparing solutions")]
    [InlineData("decision", "fr", "Je suis prêt à choisir")]
    [InlineData("loyalty", "de", "Ich bin bereits Kunde")]
    public void Built_in_stages_answer_the_project_question_in_the_buyers_words(string key, string language, string answer)
    {
        Assert.Equal(answer, StageModel.Default.FindStage(key)!.AnswerText(language));
    }

    [Fact]
    public void Advocacy_is_not_offered_as_an_answer_because_nobody_declares_it()
    {
        Assert.Equal(["awareness", "consideration", "decision", "loyalty"], StageModel.Default.DeclarableStages.Select(s => s.Key));
    }

    [Fact]
    public void A_configured_answer_replaces_the_built_in_one_and_built_in_keys_keep_theirs()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages =
            [
                new StageSettings { Key = "awareness", ProjectAnswer = new Dictionary<string, string> { ["en"] = "Only looking" } },
                new StageSettings { Key = "decision" },
            ],
        });

        Assert.Equal("Only looking", model.FindStage("awareness")!.AnswerText("en"));
        Assert.Equal("Ready to choose", model.FindStage("decision")!.AnswerText("en"));
    }

    [Fact]
    public void A_model_whose_stages_have_no_answers_offers_every_stage_by_its_description()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages =
            [
                new StageSettings { Key = "curious", Description = new Dictionary<string, string> { ["en"] = "Wondering" } },
                new StageSettings { Key = "buying", Description = new Dictionary<string, string> { ["en"] = "Buying now" } },
            ],
        });

        Assert.Equal(["curious", "buying"], model.DeclarableStages.Select(s => s.Key));
        Assert.Equal("Buying now", model.FindStage("buying")!.AnswerText("en"));
    }

    [Fact]
    public void A_language_without_a_label_falls_back_to_english()
    {
        Assert.Equal("Decision", StageModel.Default.FindStage("decision")!.Label.Get("it"));
    }

    [Theory]
    [InlineData("blog-post", "awareness")]
    [InlineData("video", "awareness")]
    [InlineData("how-to-guide", "awareness")]
    [InlineData("white-paper", "awareness")]
    [InlineData("newsletter", "awareness")]
    [InlineData("comparison-benchmark", "consideration")]
    [InlineData("webinar", "consideration")]
    [InlineData("case-study", "consideration")]
    [InlineData("testimonial", "decision")]
    [InlineData("pricing", "decision")]
    [InlineData("trial-cta", "decision")]
    [InlineData("demo-request", "decision")]
    [InlineData("onboarding-guide", "loyalty")]
    [InlineData("referral-program", "advocacy")]
    [InlineData("review-request", "advocacy")]
    public void Each_built_in_content_kind_has_its_default_stage(string kind, string stage)
    {
        Assert.Equal(stage, StageModel.Default.FindKind(kind)!.DefaultStage!.Key);
    }

    [Fact]
    public void Next_and_previous_walk_the_funnel_and_stop_at_its_ends()
    {
        var model = StageModel.Default;
        var awareness = model.FindStage("awareness")!;
        var advocacy = model.FindStage("advocacy")!;

        Assert.Equal("consideration", model.Next(awareness)!.Key);
        Assert.Null(model.Previous(awareness));
        Assert.Equal("loyalty", model.Previous(advocacy)!.Key);
        Assert.Null(model.Next(advocacy));
    }

    [Fact]
    public void A_site_can_keep_only_the_three_pre_purchase_stages()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages = [Stage("awareness"), Stage("consideration"), Stage("decision")],
        });

        Assert.Equal(["awareness", "consideration", "decision"], model.Stages.Select(s => s.Key));
        Assert.Equal("Décision", model.FindStage("decision")!.Label.Get("fr"));
        // Built-in kinds whose stage was removed stay usable but carry no default stage.
        Assert.Null(model.FindKind("onboarding-guide")!.DefaultStage);
        Assert.Equal("decision", model.FindKind("pricing")!.DefaultStage!.Key);
    }

    [Fact]
    public void A_site_can_rename_reorder_and_add_stages()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            Stages =
            [
                Stage("discovery", en: "Discovery", fr: "Exploration"),
                Stage("evaluation", en: "Evaluation", fr: "Évaluation"),
                Stage("purchase"),
            ],
            ContentKinds = { ["blog-post"] = new ContentKindSettings { DefaultStage = "discovery" } },
        });

        Assert.Equal("Évaluation", model.FindStage("evaluation")!.Label.Get("fr"));
        Assert.Equal("purchase", model.FindStage("purchase")!.Label.Get("en"));
        Assert.Equal(2, model.FindStage("purchase")!.Order);
        Assert.Equal("discovery", model.FindKind("blog-post")!.DefaultStage!.Key);
    }

    [Fact]
    public void A_site_can_add_a_content_kind_with_its_default_stage()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            ContentKinds = { ["podcast"] = new ContentKindSettings { DefaultStage = "awareness", Label = { ["en"] = "Podcast", ["fr"] = "Podcast" } } },
        });

        var podcast = model.FindKind("podcast")!;
        Assert.Equal("awareness", podcast.DefaultStage!.Key);
        Assert.False(podcast.IsCallToAction);
        Assert.Equal(16, model.Kinds.Count);
    }

    [Fact]
    public void A_duplicate_stage_key_is_rejected_naming_both_entries()
    {
        var error = Assert.Throws<StageModelException>(() => StageModel.Create(new StageModelSettings
        {
            Stages = [Stage("awareness"), Stage("decision"), Stage("awareness")],
        }));

        var message = Assert.Single(error.Errors);
        Assert.Contains("JourneyContent:Stages:2:Key", message, StringComparison.Ordinal);
        Assert.Contains("JourneyContent:Stages:0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_stage_list_is_rejected()
    {
        var error = Assert.Throws<StageModelException>(() => StageModel.Create(new StageModelSettings { Stages = [] }));

        Assert.Contains("JourneyContent:Stages is empty", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_kind_referring_to_an_unknown_stage_is_rejected_by_name()
    {
        var error = Assert.Throws<StageModelException>(() => StageModel.Create(new StageModelSettings
        {
            ContentKinds = { ["webinar"] = new ContentKindSettings { DefaultStage = "evaluation" } },
        }));

        var message = Assert.Single(error.Errors);
        Assert.Contains("JourneyContent:ContentKinds:webinar:DefaultStage 'evaluation'", message, StringComparison.Ordinal);
        Assert.Contains("awareness, consideration, decision, loyalty, advocacy", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "JourneyContent:Stages:1:Key is missing")]
    [InlineData("", "JourneyContent:Stages:1:Key is missing")]
    [InlineData("Bad Key", "JourneyContent:Stages:1:Key 'Bad Key' is invalid")]
    [InlineData("décision", "JourneyContent:Stages:1:Key 'décision' is invalid")]
    public void A_missing_or_malformed_stage_key_is_rejected(string? key, string expected)
    {
        var error = Assert.Throws<StageModelException>(() => StageModel.Create(new StageModelSettings
        {
            Stages = [Stage("awareness"), new StageSettings { Key = key }],
        }));

        Assert.StartsWith(expected, Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<StageModelException>(() => StageModel.Create(new StageModelSettings
        {
            Stages = [Stage("awareness"), Stage("awareness"), new StageSettings()],
            ContentKinds = { ["podcast"] = new ContentKindSettings() },
        }));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("podcast:DefaultStage is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Stages_configured_without_a_colour_get_distinct_palette_colours()
    {
        var model = StageModel.Create(new StageModelSettings { Stages = [Stage("a"), Stage("b"), Stage("c", color: "#000000")] });

        Assert.NotEqual(model.Stages[0].Color, model.Stages[1].Color);
        Assert.Equal("#000000", model.Stages[2].Color);
    }

    private static StageSettings Stage(string key, string? en = null, string? fr = null, string? color = null)
    {
        var settings = new StageSettings { Key = key, Color = color };
        if (en is not null)
        {
            settings.Label["en"] = en;
        }

        if (fr is not null)
        {
            settings.Label["fr"] = fr;
        }

        return settings;
    }
}
