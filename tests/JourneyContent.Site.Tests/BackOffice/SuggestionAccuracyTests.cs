using JourneyContent.Simulation;
using JourneyContent.Stages;
using JourneyContent.Suggestions;
using Xunit.Abstractions;

namespace JourneyContent.Site.Tests.BackOffice;

[Collection(DemoSiteCollection.Name)]
public sealed class SuggestionAccuracyTests(DemoSiteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Leave_one_out_accuracy_on_the_demo_content_beats_the_majority_class_baseline()
    {
        var tagged = fixture.Site.Content.Items.Where(i => !i.IsUntagged).ToList();

        var result = LeaveOneOutEvaluation.Run(tagged, StageModel.Default);

        output.WriteLine($"Leave-one-out on {result.ItemCount} demo items: classifier {result.Accuracy:P1} ({result.Correct}), majority baseline {result.BaselineAccuracy:P1} ({result.BaselineCorrect})");
        Assert.Equal(tagged.Count, result.ItemCount);
        Assert.True(result.Accuracy > result.BaselineAccuracy + 0.2, $"classifier {result.Accuracy:P1} vs baseline {result.BaselineAccuracy:P1}");
    }

    [Fact]
    public void The_figure_shown_for_a_demo_suggestion_is_the_share_of_held_out_suggestions_that_were_right_not_the_raw_confidence()
    {
        var classifier = StageClassifier.Train(fixture.Site.Content.Items, StageModel.Default);
        var untagged = fixture.Site.Content.Items.Where(i => i.IsUntagged).Select(classifier.Suggest).OfType<StageSuggestion>().ToList();

        output.WriteLine($"Held out {classifier.Calibration.ItemCount}, right {classifier.Calibration.Correct}; steps: {string.Join("; ", classifier.Calibration.Steps)}");
        output.WriteLine(string.Join("; ", untagged.Select(s => $"{s.Stage} raw {s.Confidence:P1} shown {s.CalibratedConfidence:P0}")));
        Assert.True(classifier.Calibration.IsCalibrated);
        Assert.NotEmpty(untagged);
        Assert.All(untagged, s =>
        {
            Assert.NotNull(s.CalibratedConfidence);
            Assert.Contains(classifier.Calibration.Steps, step => step.Accuracy == s.CalibratedConfidence);
        });
        Assert.True(classifier.Calibration.Steps.Max(s => s.Accuracy) < 1, "On the demo content no confidence level was always right, so no suggestion shows 100 %.");
    }
}
