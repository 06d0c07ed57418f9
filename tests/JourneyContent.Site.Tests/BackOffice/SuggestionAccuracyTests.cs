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
}
