using JourneyContent.Simulation;
using Xunit.Abstractions;

namespace JourneyContent.Core.Tests.Inference;

/// <summary>
/// The quality bar of latent-stage inference on the generator suite (<see cref="GeneratorSuite"/>, procedure in
/// <see cref="LatentEvaluation"/>): fit on 3,000 training visitors per generator, score on 1,500 others, fixed seeds.
/// Print the table with
/// <c>dotnet test tests/JourneyContent.Core.Tests --filter FullyQualifiedName~LatentQualityTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class LatentQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<LatentEvaluationRow>> Rows = new(() => LatentEvaluation.RunSuite());

    [Fact]
    public void The_true_parameter_filter_is_a_ceiling_above_every_baseline_on_every_generator()
    {
        output.WriteLine(LatentEvaluation.Table(Rows.Value));
        Assert.True(Rows.Value.Count >= 6);
        foreach (var row in Rows.Value)
        {
            Assert.True(row.Ceiling.Events > row.BestBaselineEvents, $"{row.Generator}: ceiling {row.Ceiling.Events:P1} vs best baseline {row.BestBaselineEvents:P1}");
            Assert.True(row.Ceiling.Final > row.BestBaselineFinal, $"{row.Generator}: final ceiling {row.Ceiling.Final:P1} vs best baseline {row.BestBaselineFinal:P1}");
        }
    }

    [Fact]
    public void The_fitted_model_reaches_95_percent_of_the_ceiling_beats_every_baseline_and_is_calibrated_on_every_generator()
    {
        output.WriteLine(LatentEvaluation.Table(Rows.Value));
        foreach (var row in Rows.Value)
        {
            Assert.False(row.Fit.UsedPriors, row.Generator);
            Assert.True(row.ShareOfCeilingEvents >= 0.95, $"{row.Generator}: {row.ShareOfCeilingEvents:P1} of the ceiling after each event");
            Assert.True(row.ShareOfCeilingFinal >= 0.95, $"{row.Generator}: {row.ShareOfCeilingFinal:P1} of the ceiling on the final stage");
            Assert.True(row.Engine.Events > row.BestBaselineEvents, $"{row.Generator}: engine {row.Engine.Events:P1} vs best baseline {row.BestBaselineEvents:P1}");
            Assert.True(row.Engine.Final > row.BestBaselineFinal, $"{row.Generator}: final engine {row.Engine.Final:P1} vs best baseline {row.BestBaselineFinal:P1}");
            Assert.True(row.Engine.Ece <= 0.05, $"{row.Generator}: ECE {row.Engine.Ece:F3}");
        }
    }

    [Fact]
    public void The_documented_priors_alone_already_beat_the_last_item_baseline_but_fitting_improves_on_them()
    {
        // A site without history runs on the priors; fitting must be what earns the rest.
        var generator = GeneratorSuite.All[0];
        var k = generator.StageCount;
        var priors = new JourneyContent.Inference.LatentStagePriors(generator.Catalogue, k - 2, k - 1).Model(JourneyContent.Inference.LatentStageFitter.DefaultSessionGap);
        var test = generator.Generate(1500, 99);
        var fitted = Rows.Value[0].Fit.Model;
        Assert.True(Accuracy(fitted, test) > Accuracy(priors, test) + 0.02);
    }

    [Fact]
    public void Too_little_history_keeps_the_priors_and_says_so()
    {
        var generator = GeneratorSuite.All[0];
        var priors = new JourneyContent.Inference.LatentStagePriors(generator.Catalogue, 3, 4);
        var few = generator.Generate(10, 5);
        var report = JourneyContent.Inference.LatentStageFitter.Fit(priors, () => few.Select(v => v.Events));
        Assert.True(report.UsedPriors);
        Assert.Contains("too little history", report.Reason, StringComparison.Ordinal);
        Assert.Empty(report.LogLikelihoods);
    }

    private static double Accuracy(JourneyContent.Inference.LatentStageModel model, IReadOnlyList<GeneratedVisitor> visitors)
    {
        var belief = model.NewBelief();
        var correct = 0;
        var total = 0;
        foreach (var visitor in visitors)
        {
            belief.Reset();
            for (var i = 0; i < visitor.Events.Count; i++)
            {
                model.Apply(belief, visitor.Events[i]);
                correct += belief.Current == visitor.TrueStages[i] ? 1 : 0;
                total++;
            }
        }

        return (double)correct / total;
    }
}
