using JourneyContent.Suggestions;

namespace JourneyContent.Core.Tests.Suggestions;

public sealed class StageTokenizerTests
{
    [Theory]
    [InlineData("Why leads go cold", "why lead cold")]
    [InlineData("What is the buyer's journey?", "what buyer journey")]
    [InlineData("Pourquoi vos prospects refroidissent", "pourquoi prospect refroidissent")]
    [InlineData("Qu'est-ce que le parcours d'achat ?", "parcour achat")]
    [InlineData("Évaluez la démo", "evaluez demo")]
    [InlineData("Pricing, plans & free trials", "pricing plan free trial")]
    [InlineData("Business status devis", "business status devis")]
    [InlineData("Cœur de cible", "coeur cible")]
    [InlineData("2024 benchmark v2 B2B", "benchmark b2b")]
    [InlineData("The and with pour les des une dans vous votre nous", "")]
    [InlineData("", "")]
    public void Text_is_split_folded_and_filtered(string text, string expectedTerms)
    {
        var terms = StageTokenizer.Tokenize(text).Select(t => t.Term);

        Assert.Equal(expectedTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries), terms);
    }

    [Fact]
    public void Decomposed_accents_fold_like_composed_ones()
    {
        var composed = StageTokenizer.Tokenize("Démo étude");
        var decomposed = StageTokenizer.Tokenize("De\u0301mo e\u0301tude");

        Assert.Equal(["demo", "etude"], decomposed.Select(t => t.Term));
        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public void Surface_keeps_the_accents_and_the_plural_in_lower_case()
    {
        var token = Assert.Single(StageTokenizer.Tokenize("Démos"));

        Assert.Equal(new TextToken("demo", "démos"), token);
    }

    [Fact]
    public void Plural_stripping_can_be_turned_off()
    {
        Assert.Equal(["plans", "trials"], StageTokenizer.Tokenize("Plans trials", stripPlurals: false).Select(t => t.Term));
    }

    [Fact]
    public void Title_summary_body_and_kind_are_weighted()
    {
        var item = SuggestionCorpus.Item("en", null, "white-paper", "Benchmark", "Pricing", "Journey journey");

        var counts = ItemFeatures.Of(item, StageClassifierOptions.Default).Counts.ToDictionary();

        Assert.Equal(3, counts["benchmark"]);
        Assert.Equal(2, counts["pricing"]);
        Assert.Equal(2, counts["journey"]);
        Assert.Equal(2, counts["kind:white-paper"]);
        Assert.Equal(4, counts.Count);
    }

    [Fact]
    public void Weights_add_up_across_parts_and_a_zero_weight_leaves_a_part_out()
    {
        var item = SuggestionCorpus.Item("en", null, "pricing", "Pricing", "Pricing", "Pricing");
        var options = new StageClassifierOptions { SummaryWeight = 0, KindWeight = 0 };

        var counts = ItemFeatures.Of(item, options).Counts.ToDictionary();

        Assert.Equal(new Dictionary<string, int> { ["pricing"] = 4 }, counts);
    }

    [Theory]
    [InlineData(nameof(StageClassifierOptions.TitleWeight))]
    [InlineData(nameof(StageClassifierOptions.SummaryWeight))]
    [InlineData(nameof(StageClassifierOptions.BodyWeight))]
    [InlineData(nameof(StageClassifierOptions.KindWeight))]
    [InlineData(nameof(StageClassifierOptions.TopWordCount))]
    public void Options_reject_negative_counts(string property)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(StageClassifierOptions.TitleWeight) => new StageClassifierOptions { TitleWeight = -1 },
            nameof(StageClassifierOptions.SummaryWeight) => new StageClassifierOptions { SummaryWeight = -1 },
            nameof(StageClassifierOptions.BodyWeight) => new StageClassifierOptions { BodyWeight = -1 },
            nameof(StageClassifierOptions.KindWeight) => new StageClassifierOptions { KindWeight = -1 },
            _ => new StageClassifierOptions { TopWordCount = -1 },
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_reject_a_smoothing_that_is_not_positive_and_finite(double smoothing)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StageClassifierOptions { Smoothing = smoothing });
    }

    [Fact]
    public void Default_options_weigh_title_three_summary_two_body_one_kind_two()
    {
        var options = StageClassifierOptions.Default;

        Assert.Equal((3, 2, 1, 2, 1.0, 5), (options.TitleWeight, options.SummaryWeight, options.BodyWeight, options.KindWeight, options.Smoothing, options.TopWordCount));
    }
}
