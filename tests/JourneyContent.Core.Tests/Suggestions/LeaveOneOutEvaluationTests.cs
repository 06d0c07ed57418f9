using JourneyContent.Simulation;
using JourneyContent.Stages;
using JourneyContent.Suggestions;
using static JourneyContent.Core.Tests.Suggestions.SuggestionCorpus;

namespace JourneyContent.Core.Tests.Suggestions;

public sealed class LeaveOneOutEvaluationTests
{
    [Fact]
    public void Classifier_beats_the_majority_baseline_on_a_synthetic_set()
    {
        var items = Synthetic();

        var result = LeaveOneOutEvaluation.Run(items, StageModel.Default);

        Assert.Equal(34, result.ItemCount);
        Assert.True(result.Accuracy > result.BaselineAccuracy, $"accuracy {result.Accuracy:0.000} vs baseline {result.BaselineAccuracy:0.000}");
        Assert.True(result.Accuracy >= 0.8, $"accuracy {result.Accuracy:0.000}");
        Assert.Equal(16.0 / 34, result.BaselineAccuracy, 12);
    }

    [Fact]
    public void Subtracting_an_item_gives_the_same_predictions_as_retraining_without_it()
    {
        var items = Synthetic();
        var expected = new Dictionary<(string, string), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var others = items.Where((_, j) => j != i);
            var predicted = StageClassifier.Train(others, StageModel.Default).Suggest(items[i])!.Stage;
            var key = (items[i].Stage!, predicted);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }

        var result = LeaveOneOutEvaluation.Run(items, StageModel.Default);

        foreach (var actual in result.Confusion.Stages)
        {
            foreach (var predicted in result.Confusion.Stages)
            {
                Assert.Equal(expected.GetValueOrDefault((actual, predicted)), result.Confusion.Count(actual, predicted));
            }
        }

        Assert.Equal(expected.Where(e => e.Key.Item1 == e.Key.Item2).Sum(e => e.Value), result.Correct);
    }

    [Fact]
    public void Confusion_has_a_row_per_model_stage_that_adds_up_to_the_items()
    {
        var result = LeaveOneOutEvaluation.Run(Synthetic(), StageModel.Default);

        Assert.Equal(StageModel.Default.Stages.Select(s => s.Key), result.Confusion.Rows.Select(r => r.Stage));
        Assert.Equal([16, 10, 8, 0, 0], result.Confusion.Rows.Select(r => r.Total));
        Assert.Equal(result.Correct, result.Confusion.Rows.Sum(r => r.Correct));
        Assert.Equal(0, result.Confusion.Row("loyalty")!.Recall);
    }

    [Fact]
    public void Majority_baseline_is_computed_without_the_held_out_item()
    {
        // Held out, each awareness item leaves 2 awareness vs 1 decision (right); the decision item leaves 3 awareness (wrong).
        var items = new[]
        {
            Item("en", Awareness, "blog-post", "Why leads go cold"),
            Item("en", Awareness, "blog-post", "What is the buyer's journey"),
            Item("en", Awareness, "white-paper", "Signs of a cold lead"),
            Item("en", Decision, "pricing", "Pricing and plans"),
        };

        var result = LeaveOneOutEvaluation.Run(items, StageModel.Default);

        Assert.Equal(4, result.ItemCount);
        Assert.Equal(3, result.BaselineCorrect);
        Assert.Equal(0.75, result.BaselineAccuracy);
    }

    [Fact]
    public void Untagged_items_and_unknown_stages_are_not_evaluated()
    {
        var items = new[]
        {
            Item("en", Awareness, "blog-post", "Why leads go cold"),
            Item("en", Decision, "pricing", "Pricing and plans"),
            Item("en", null, "pricing", "Pricing"),
            Item("en", "legacy", "pricing", "Pricing"),
        };

        Assert.Equal(2, LeaveOneOutEvaluation.Run(items, StageModel.Default).ItemCount);
    }

    [Fact]
    public void Fewer_than_two_tagged_items_evaluates_nothing()
    {
        var result = LeaveOneOutEvaluation.Run([Item("en", Awareness, "blog-post", "Why leads go cold")], StageModel.Default);

        Assert.Equal((0, 0, 0.0, 0.0), (result.ItemCount, result.Correct, result.Accuracy, result.BaselineAccuracy));
    }
}
