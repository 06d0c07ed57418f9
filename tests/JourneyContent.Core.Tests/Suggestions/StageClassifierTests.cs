using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Suggestions;
using static JourneyContent.Core.Tests.Suggestions.SuggestionCorpus;

namespace JourneyContent.Core.Tests.Suggestions;

public sealed class StageClassifierTests
{
    private static readonly StageClassifier Classifier = StageClassifier.Train(Tagged(), StageModel.Default);

    [Fact]
    public void Item_comparing_platforms_is_suggested_consideration()
    {
        var item = Item("en", null, "blog-post", "How to compare CRM platforms",
            "A side by side comparison of the leading solutions.",
            "We compare three platforms on features and integrations, with a benchmark of each one versus the alternatives.");

        var suggestion = Expect(Classifier, item);

        Assert.Equal(Consideration, suggestion.Stage);
        Assert.True(suggestion.Confidence > 0.5, $"confidence {suggestion.Confidence}");
    }

    [Fact]
    public void Item_about_pricing_and_a_free_trial_is_suggested_decision()
    {
        var item = Item("en", null, "blog-post", "Our new plans", body: "New pricing for every plan, and a free trial before you sign a contract.");

        Assert.Equal(Decision, Classifier.Suggest(item)?.Stage);
    }

    [Fact]
    public void Item_asking_why_leads_go_cold_is_suggested_awareness()
    {
        var item = Item("en", null, "video", "Why your leads go cold", body: "The signs of a cold lead, and the mistakes that make leads stop reading.");

        Assert.Equal(Awareness, Classifier.Suggest(item)?.Stage);
    }

    [Theory]
    [InlineData("Tarifs, devis et démo", "Demandez un devis ou une démo gratuite avant de signer le contrat.")]
    [InlineData("Tarifs, devis et demo", "Demandez un devis ou une demo gratuite avant de signer le contrat.")]
    [InlineData("TARIFS, DEVIS ET DÉMO", "DEMANDEZ UN DEVIS OU UNE DÉMO GRATUITE AVANT DE SIGNER LE CONTRAT.")]
    public void French_item_is_suggested_decision_with_or_without_accents(string title, string body)
    {
        var suggestion = Expect(Classifier, Item("fr", null, "blog-post", title, body: body));

        Assert.Equal(Decision, suggestion.Stage);
        Assert.Contains(suggestion.TopWords, w => w.Term == "demo");
    }

    [Fact]
    public void Accented_and_plain_spellings_give_the_same_probabilities()
    {
        var accented = Expect(Classifier, Item("fr", null, "webinar", "Évaluation des critères", body: "Grille d'évaluation et critères détaillés."));
        var plain = Expect(Classifier, Item("fr", null, "webinar", "Evaluation des criteres", body: "Grille d'evaluation et criteres detailles."));

        Assert.Equal(Consideration, accented.Stage);
        Assert.Equal(accented.Probabilities, plain.Probabilities);
    }

    [Fact]
    public void Top_words_include_the_telling_ones_strongest_first()
    {
        var item = Item("en", null, "blog-post", "Pricing explained", body: "Our pricing, the free trial and the contract, explained for marketing teams.");

        var suggestion = Expect(Classifier, item);

        Assert.Equal(Decision, suggestion.Stage);
        Assert.InRange(suggestion.TopWords.Count, 1, 5);
        Assert.Equal("pricing", suggestion.TopWords[0].Word);
        Assert.Contains(suggestion.TopWords, w => w.Word == "contract");
        Assert.DoesNotContain(suggestion.TopWords, w => w.Word is "marketing" or "explained");
        Assert.All(suggestion.TopWords, w => Assert.True(w.LogLikelihoodRatio > 0));
        Assert.Equal(suggestion.TopWords.OrderByDescending(w => w.Contribution), suggestion.TopWords);
    }

    [Fact]
    public void Top_words_are_reported_as_written_not_as_matched()
    {
        var suggestion = Expect(Classifier, Item("fr", null, "blog-post", "Démos et tarifs", body: "Nos démos, nos tarifs."));

        var demo = Assert.Single(suggestion.TopWords, w => w.Term == "demo");
        Assert.Equal("démos", demo.Word);
        Assert.Contains(suggestion.TopWords, w => w.Word == "tarifs" && w.Term == "tarif");
    }

    [Fact]
    public void Top_words_read_as_the_words_themselves_when_joined()
    {
        var suggestion = Expect(Classifier, Item("en", null, "blog-post", "Pricing", body: "Free trial."));

        Assert.Equal(string.Join(", ", suggestion.TopWords.Select(w => w.Word)), string.Join(", ", suggestion.TopWords));
        Assert.StartsWith("pricing", string.Join(", ", suggestion.TopWords), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_words_are_at_most_the_configured_count()
    {
        var classifier = StageClassifier.Train(Tagged(), StageModel.Default, new StageClassifierOptions { TopWordCount = 2 });

        var suggestion = Expect(classifier, Item("en", null, "pricing", "Pricing, plans, free trial, demo and contract", body: "Pricing plans trial demo contract discount."));

        Assert.Equal(2, suggestion.TopWords.Count);
    }

    [Fact]
    public void Probabilities_cover_the_trained_stages_in_funnel_order_and_add_up_to_one()
    {
        var suggestion = Expect(Classifier, Item("en", null, "blog-post", "Compare pricing plans"));

        Assert.Equal([Awareness, Consideration, Decision], suggestion.Probabilities.Select(p => p.Stage));
        Assert.Equal(1.0, suggestion.Probabilities.Sum(p => p.Probability), 12);
        Assert.Equal(suggestion.Probabilities.Max(p => p.Probability), suggestion.Confidence);
        Assert.Equal(suggestion.Confidence, suggestion.Probabilities.Single(p => p.Stage == suggestion.Stage).Probability);
    }

    [Fact]
    public void Untagged_items_in_training_are_ignored()
    {
        ContentItem[] untagged =
        [
            Item("en", null, "blog-post", "Pricing pricing pricing", body: "Compare platforms, pricing, benchmark."),
            Item("en", "  ", "pricing", "Free trial", body: "Free trial, demo, contract."),
        ];
        var withUntagged = StageClassifier.Train([.. Tagged(), .. untagged], StageModel.Default);
        var probe = Item("en", null, "blog-post", "Pricing and free trial for platforms");

        Assert.Equal(12, withUntagged.TrainingItemCount);
        Assert.Equal(Classifier.VocabularySize, withUntagged.VocabularySize);
        Assert.Equal(Expect(Classifier, probe).Probabilities, Expect(withUntagged, probe).Probabilities);
    }

    [Fact]
    public void Items_tagged_with_a_stage_outside_the_model_are_ignored()
    {
        var classifier = StageClassifier.Train([.. Tagged(), Item("en", "legacy", "blog-post", "Pricing")], StageModel.Default);

        Assert.Equal(12, classifier.TrainingItemCount);
        Assert.Equal([Awareness, Consideration, Decision], classifier.Stages);
    }

    [Fact]
    public void Empty_training_gives_no_suggestion_and_says_why()
    {
        var classifier = StageClassifier.Train([], StageModel.Default);
        var item = Item("en", null, "pricing", "Pricing and plans");

        var outcome = classifier.Classify(item);

        Assert.Null(classifier.Suggest(item));
        Assert.False(outcome.HasSuggestion);
        Assert.Null(outcome.Suggestion);
        Assert.Equal(NoSuggestionReason.NoTrainingData, outcome.Reason);
    }

    [Fact]
    public void Training_on_untagged_items_only_gives_no_suggestion()
    {
        var classifier = StageClassifier.Train([Item("en", null, "pricing", "Pricing")]);

        Assert.Equal(NoSuggestionReason.NoTrainingData, classifier.Classify(Item("en", null, "pricing", "Pricing")).Reason);
    }

    [Fact]
    public void Training_on_a_single_stage_gives_no_suggestion()
    {
        var classifier = StageClassifier.Train(Tagged().Where(i => i.Stage == Decision), StageModel.Default);

        var outcome = classifier.Classify(Item("en", null, "pricing", "Pricing"));

        Assert.False(outcome.HasSuggestion);
        Assert.Equal(NoSuggestionReason.SingleStage, outcome.Reason);
    }

    [Fact]
    public void Item_sharing_no_word_nor_kind_with_training_gives_no_suggestion()
    {
        var outcome = Classifier.Classify(Item("en", null, "newsletter", "Zebra quokka", body: "Xylophone yodel."));

        Assert.False(outcome.HasSuggestion);
        Assert.Equal(NoSuggestionReason.NoKnownWords, outcome.Reason);
    }

    [Fact]
    public void A_suggestion_has_no_reason()
    {
        var outcome = Classifier.Classify(Item("en", null, "pricing", "Pricing"));

        Assert.True(outcome.HasSuggestion);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void Suggestion_does_not_depend_on_training_order_or_repetition()
    {
        var reversed = StageClassifier.Train(Tagged().Reverse(), StageModel.Default);
        var probe = Item("en", null, "webinar", "Compare pricing plans versus alternatives", body: "A benchmark of plans and a free trial.");

        var first = Expect(Classifier, probe);
        var again = Expect(Classifier, probe);
        var fromReversed = Expect(reversed, probe);

        Assert.Equal(first.Stage, fromReversed.Stage);
        Assert.Equal(first.Probabilities, fromReversed.Probabilities);
        Assert.Equal(first.TopWords, fromReversed.TopWords);
        Assert.Equal(first.Probabilities, again.Probabilities);
        Assert.Equal(first.TopWords, again.TopWords);
    }

    [Theory]
    [InlineData(new[] { "awareness", "decision" }, "awareness")]
    [InlineData(new[] { "decision", "awareness" }, "decision")]
    public void Exact_tie_goes_to_the_stage_earliest_in_the_funnel(string[] funnel, string expected)
    {
        var model = StageModel.Create(new StageModelSettings { Stages = [.. funnel.Select(k => new StageSettings { Key = k })] });
        var classifier = StageClassifier.Train(
            [Item("en", "awareness", "webinar", "Alpha"), Item("en", "decision", "webinar", "Bravo")],
            model);

        var suggestion = Expect(classifier, Item("en", null, "webinar", "Unrelated words only"));

        Assert.Equal(expected, suggestion.Stage);
        Assert.Equal(0.5, suggestion.Confidence);
    }

    [Fact]
    public void Without_a_model_ties_go_to_the_smallest_stage_key()
    {
        var classifier = StageClassifier.Train([Item("en", "zulu", "webinar", "Alpha"), Item("en", "Echo", "webinar", "Bravo")]);

        Assert.Equal(["echo", "zulu"], classifier.Stages);
        Assert.Equal("echo", Expect(classifier, Item("en", null, "webinar", "Unrelated")).Stage);
    }

    [Fact]
    public void Kind_counts_but_one_telling_title_word_outweighs_it()
    {
        var asBlogPost = Expect(Classifier, Item("en", null, "blog-post", "Pricing"));
        var asPricingPage = Expect(Classifier, Item("en", null, "pricing", "Pricing"));

        Assert.Equal(Decision, asBlogPost.Stage);
        Assert.True(
            Probability(asBlogPost, Awareness) > Probability(asPricingPage, Awareness),
            "a blog post should lean more towards awareness than a pricing page with the same words");
    }

    [Fact]
    public void Kind_decides_when_the_text_says_nothing()
    {
        Assert.Equal(Decision, Expect(Classifier, Item("en", null, "trial-cta", "Unrelated words")).Stage);
        Assert.Equal(Consideration, Expect(Classifier, Item("en", null, "comparison-benchmark", "Unrelated words")).Stage);
    }

    [Fact]
    public void Suggest_rejects_a_null_item()
    {
        Assert.Throws<ArgumentNullException>(() => Classifier.Suggest(null!));
        Assert.Throws<ArgumentNullException>(() => Classifier.Classify(null!));
    }

    private static double Probability(StageSuggestion suggestion, string stage) =>
        suggestion.Probabilities.Single(p => p.Stage == stage).Probability;

    private static StageSuggestion Expect(StageClassifier classifier, ContentItem item)
    {
        var suggestion = classifier.Suggest(item);
        Assert.NotNull(suggestion);
        return suggestion;
    }
}
