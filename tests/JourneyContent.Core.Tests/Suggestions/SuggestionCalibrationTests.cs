using JourneyContent.Stages;
using JourneyContent.Suggestions;
using static JourneyContent.Core.Tests.Suggestions.SuggestionCorpus;

namespace JourneyContent.Core.Tests.Suggestions;

public sealed class SuggestionCalibrationTests
{
    private static IEnumerable<(double Raw, bool Correct)> Outcomes(double raw, int items, int correct) =>
        Enumerable.Range(0, items).Select(i => (raw, i < correct));

    [Fact]
    public void A_confidence_that_is_right_less_often_than_a_lower_one_is_pooled_with_it_and_each_step_shows_its_accuracy()
    {
        var calibration = SuggestionCalibration.Fit([
            .. Outcomes(0.6, 10, 5), .. Outcomes(0.7, 10, 9), .. Outcomes(0.8, 10, 6), .. Outcomes(0.99, 10, 10)]);

        Assert.Equal(
            [new CalibrationStep(0.6, 0.6, 10, 5), new CalibrationStep(0.7, 0.8, 20, 15), new CalibrationStep(0.99, 0.99, 10, 10)],
            calibration.Steps);
        Assert.Equal(0.5, calibration.Calibrate(0.6));
        Assert.Equal(0.75, calibration.Calibrate(0.7));
        Assert.Equal(0.75, calibration.Calibrate(0.95));
        Assert.Equal(1.0, calibration.Calibrate(0.999));
        Assert.Equal(0.5, calibration.Calibrate(0.2));
    }

    [Fact]
    public void No_step_rests_on_fewer_than_ten_suggestions()
    {
        var outcomes = Enumerable.Range(0, 45).Select(i => (0.5 + (i / 100.0), i % 3 != 0));

        var calibration = SuggestionCalibration.Fit(outcomes);

        Assert.All(calibration.Steps, step => Assert.True(step.Items >= SuggestionCalibration.MinimumPerStep, $"{step}"));
        Assert.Equal(45, calibration.Steps.Sum(s => s.Items));
        Assert.Equal(calibration.Steps.Select(s => s.Accuracy).Order(), calibration.Steps.Select(s => s.Accuracy));
    }

    [Fact]
    public void With_fewer_than_twenty_held_out_suggestions_no_figure_is_given()
    {
        var calibration = SuggestionCalibration.Fit(Outcomes(0.99, 19, 19));

        Assert.False(calibration.IsCalibrated);
        Assert.Null(calibration.Calibrate(0.99));
        Assert.Null(SuggestionCalibration.None.Calibrate(0.5));
    }

    [Fact]
    public void Among_held_out_suggestions_shown_a_probability_that_share_was_right_and_the_mean_figure_is_the_accuracy()
    {
        // Leave-one-out computed independently, by retraining without each item, exactly as an untagged item is classified.
        var items = Synthetic();
        var heldOut = new List<(double Raw, bool Correct)>();
        for (var i = 0; i < items.Count; i++)
        {
            var suggestion = StageClassifier.Train(items.Where((_, j) => j != i), StageModel.Default).Suggest(items[i]);
            if (suggestion is not null)
            {
                heldOut.Add((suggestion.Confidence, suggestion.Stage == items[i].Stage));
            }
        }

        var calibration = StageClassifier.Train(items, StageModel.Default).Calibration;

        Assert.True(calibration.IsCalibrated);
        Assert.Equal((heldOut.Count, heldOut.Count(o => o.Correct)), (calibration.ItemCount, calibration.Correct));
        foreach (var shown in heldOut.GroupBy(o => calibration.Calibrate(o.Raw)!.Value))
        {
            Assert.Equal(shown.Key, shown.Count(o => o.Correct) / (double)shown.Count(), 12);
        }

        Assert.Equal(heldOut.Count(o => o.Correct) / (double)heldOut.Count, heldOut.Average(o => calibration.Calibrate(o.Raw)!.Value), 12);
    }

    [Fact]
    public void A_suggestion_carries_its_calibrated_confidence_which_is_never_above_what_was_observed()
    {
        var items = Synthetic();
        var classifier = StageClassifier.Train(items, StageModel.Default);
        var draft = Item("en", null, "blog-post", "Why your leads go cold", "Signs that the buyer's journey stalls");

        var suggestion = classifier.Suggest(draft)!;

        Assert.Equal(classifier.Calibration.Calibrate(suggestion.Confidence), suggestion.CalibratedConfidence);
        Assert.InRange(suggestion.CalibratedConfidence!.Value, 0, classifier.Calibration.Steps.Max(s => s.Accuracy));
    }

    [Fact]
    public void A_classifier_trained_on_a_handful_of_items_shows_no_figure()
    {
        var suggestion = StageClassifier.Train([.. Synthetic().Take(5), .. Synthetic().TakeLast(5)], StageModel.Default).Suggest(Item("en", null, "blog-post", "Why leads go cold"));

        Assert.NotNull(suggestion);
        Assert.Null(suggestion.CalibratedConfidence);
    }
}
