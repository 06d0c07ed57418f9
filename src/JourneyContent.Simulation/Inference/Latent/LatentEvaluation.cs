using System.Globalization;
using System.Text;
using JourneyContent.Inference;
using JourneyContent.Tracking;

namespace JourneyContent.Simulation;

/// <summary>One method's accuracy on one generator's test visitors.</summary>
/// <param name="Events">Accuracy after each event past a visitor's third.</param>
/// <param name="Final">Accuracy on each visitor's final stage (after their last event).</param>
/// <param name="Ece">Expected calibration error of the confidence after each event past the third (10 equal bins); NaN for methods without a probability.</param>
public sealed record MethodScore(double Events, double Final, double Ece);

/// <summary>The quality row of one generator.</summary>
/// <param name="Generator">The generator's name.</param>
/// <param name="Engine">The fitted latent-stage model, with its switching margin.</param>
/// <param name="Ceiling">The Bayes-optimal filter (true parameters).</param>
/// <param name="LastItem">Baseline: the last viewed item's tagged stage.</param>
/// <param name="MajorityAll">Baseline: the most frequent tagged stage of every viewed item.</param>
/// <param name="MajorityLastFive">Baseline: the most frequent tagged stage of the last five viewed items.</param>
/// <param name="Fit">The fit's report.</param>
public sealed record LatentEvaluationRow(string Generator, MethodScore Engine, MethodScore Ceiling, MethodScore LastItem, MethodScore MajorityAll, MethodScore MajorityLastFive, LatentFitReport Fit)
{
    /// <summary>The best baseline's accuracy after each event.</summary>
    public double BestBaselineEvents => Math.Max(LastItem.Events, Math.Max(MajorityAll.Events, MajorityLastFive.Events));

    /// <summary>The best baseline's final-stage accuracy.</summary>
    public double BestBaselineFinal => Math.Max(LastItem.Final, Math.Max(MajorityAll.Final, MajorityLastFive.Final));

    /// <summary>The engine's share of the ceiling's accuracy after each event.</summary>
    public double ShareOfCeilingEvents => Engine.Events / Ceiling.Events;

    /// <summary>The engine's share of the ceiling's final-stage accuracy.</summary>
    public double ShareOfCeilingFinal => Engine.Final / Ceiling.Final;
}

/// <summary>The one evaluation procedure of latent-stage inference: the same for every generator, with no per-generator setting.</summary>
/// <remarks>
/// <para>For a generator: draw <c>train</c> visitors (seed) and <c>test</c> visitors (another seed); fit
/// <see cref="LatentStageFitter"/> with its default options and the documented priors (trial stage = second last,
/// customer stage = last) on the training visitors' events only, without their stages; then run, on every test visitor
/// from empty, the fitted engine, the true-parameter filter (ceiling) and the three baselines.</para>
/// <para>A method with no answer yet is wrong. Baselines see only views of tagged items and ignore everything else.
/// Calibration: the engine's confidence (its current stage's filtered probability) is binned in ten equal bins over
/// [0, 1]; ECE = Σ (bin size / N) × |accuracy in the bin − mean confidence in the bin|.</para>
/// </remarks>
public static class LatentEvaluation
{
    private const int Warmup = 3;

    /// <summary>Evaluates one generator.</summary>
    public static LatentEvaluationRow Run(GeneratingModel generator, int train, int test, int seed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var training = generator.Generate(train, seed);
        var testing = generator.Generate(test, seed + 7919);
        var k = generator.StageCount;
        var priors = new LatentStagePriors(generator.Catalogue, k - 2, k - 1);
        var fit = LatentStageFitter.Fit(priors, () => training.Select(v => v.Events));
        var methods = new Tally[5];
        for (var m = 0; m < methods.Length; m++)
        {
            methods[m] = new Tally();
        }

        var engine = fit.Model;
        var ceiling = generator.TrueModel();
        var engineBelief = engine.NewBelief();
        var ceilingBelief = ceiling.NewBelief();
        var tags = new List<int>();
        var counts = new int[k];
        foreach (var visitor in testing)
        {
            engineBelief.Reset();
            ceilingBelief.Reset();
            tags.Clear();
            for (var i = 0; i < visitor.Events.Count; i++)
            {
                var e = visitor.Events[i];
                engine.Apply(engineBelief, e);
                ceiling.Apply(ceilingBelief, e);
                if (e.Type == JourneyEventType.View && e.Item >= 0 && generator.Catalogue.TaggedStage(e.Item) is var tag and >= 0)
                {
                    tags.Add(tag);
                }

                var truth = visitor.TrueStages[i];
                var measured = i >= Warmup;
                var final = i == visitor.Events.Count - 1;
                methods[0].Add(engineBelief.Current == truth, engineBelief.Confidence, measured, final);
                methods[1].Add(ceilingBelief.Current == truth, ceilingBelief.Confidence, measured, final);
                methods[2].Add(tags.Count > 0 && tags[^1] == truth, double.NaN, measured, final);
                methods[3].Add(Majority(tags, tags.Count, counts) == truth, double.NaN, measured, final);
                methods[4].Add(Majority(tags, Math.Min(5, tags.Count), counts) == truth, double.NaN, measured, final);
            }
        }

        return new LatentEvaluationRow(generator.Name, methods[0].Score(), methods[1].Score(), methods[2].Score(), methods[3].Score(), methods[4].Score(), fit);
    }

    /// <summary>Evaluates every generator of <see cref="GeneratorSuite"/> with the same sizes and seed.</summary>
    public static IReadOnlyList<LatentEvaluationRow> RunSuite(int train = 3000, int test = 1500, int seed = 14) =>
        [.. GeneratorSuite.All.Select((g, i) => Run(g, train, test, seed + (i * 101)))];

    /// <summary>The table, as Markdown.</summary>
    public static string Table(IReadOnlyList<LatentEvaluationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| generator | engine (events) | ceiling | % of ceiling | last item | majority all | majority last 5 | engine (final) | ceiling (final) | best baseline (final) | engine ECE | ceiling ECE | gap chosen |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Generator} | {r.Engine.Events:P1} | {r.Ceiling.Events:P1} | {r.ShareOfCeilingEvents:P1} | {r.LastItem.Events:P1} | {r.MajorityAll.Events:P1} | {r.MajorityLastFive.Events:P1} | {r.Engine.Final:P1} | {r.Ceiling.Final:P1} | {r.BestBaselineFinal:P1} | {r.Engine.Ece:F3} | {r.Ceiling.Ece:F3} | {r.Fit.Model.SessionGap} |"));
        }

        return text.ToString();
    }

    private static int Majority(List<int> tags, int last, int[] counts)
    {
        if (last == 0)
        {
            return -1;
        }

        Array.Clear(counts);
        var best = -1;

        // Newest first, so ties go to the stage read most recently.
        for (var i = tags.Count - 1; i >= tags.Count - last; i--)
        {
            counts[tags[i]]++;
        }

        for (var i = tags.Count - 1; i >= tags.Count - last; i--)
        {
            if (best < 0 || counts[tags[i]] > counts[best])
            {
                best = tags[i];
            }
        }

        return best;
    }

    private sealed class Tally
    {
        private readonly int[] _binCount = new int[10];
        private readonly double[] _binConfidence = new double[10];
        private readonly int[] _binCorrect = new int[10];
        private int _events;
        private int _eventsCorrect;
        private int _finals;
        private int _finalsCorrect;

        public void Add(bool correct, double confidence, bool measured, bool final)
        {
            if (measured)
            {
                _events++;
                _eventsCorrect += correct ? 1 : 0;
                if (!double.IsNaN(confidence))
                {
                    var bin = Math.Clamp((int)(confidence * 10), 0, 9);
                    _binCount[bin]++;
                    _binConfidence[bin] += confidence;
                    _binCorrect[bin] += correct ? 1 : 0;
                }
            }

            if (final)
            {
                _finals++;
                _finalsCorrect += correct ? 1 : 0;
            }
        }

        public MethodScore Score()
        {
            var n = _binCount.Sum();
            var ece = double.NaN;
            if (n > 0)
            {
                ece = 0;
                for (var b = 0; b < 10; b++)
                {
                    if (_binCount[b] > 0)
                    {
                        ece += (double)_binCount[b] / n * Math.Abs(((double)_binCorrect[b] / _binCount[b]) - (_binConfidence[b] / _binCount[b]));
                    }
                }
            }

            return new MethodScore(_events == 0 ? 0 : (double)_eventsCorrect / _events, _finals == 0 ? 0 : (double)_finalsCorrect / _finals, ece);
        }
    }
}
