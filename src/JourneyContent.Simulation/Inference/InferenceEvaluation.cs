using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Simulation;

/// <summary>How often one method named the visitor's true stage.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="EventsCorrect">Right answers after each measured event.</param>
/// <param name="Events">Measured events: every event of a visitor but the first few.</param>
/// <param name="SessionEndsCorrect">Right answers at the end of each session.</param>
/// <param name="SessionEnds">Sessions.</param>
public sealed record MethodAccuracy(string Method, int EventsCorrect, int Events, int SessionEndsCorrect, int SessionEnds)
{
    /// <summary>The share of measured events answered right, in [0, 1].</summary>
    public double EventAccuracy => Events == 0 ? 0 : (double)EventsCorrect / Events;

    /// <summary>The share of session ends answered right, in [0, 1].</summary>
    public double SessionEndAccuracy => SessionEnds == 0 ? 0 : (double)SessionEndsCorrect / SessionEnds;
}

/// <summary>The accuracy of the engine and of two naive baselines on the same journeys.</summary>
/// <param name="Engine">The inference engine (explicit signals included).</param>
/// <param name="LastItem">Baseline: the stage of the last item read.</param>
/// <param name="MajorityOfLastFive">Baseline: the most frequent stage among the last five items read.</param>
public sealed record InferenceEvaluationResult(MethodAccuracy Engine, MethodAccuracy LastItem, MethodAccuracy MajorityOfLastFive)
{
    /// <summary>The three methods, engine first.</summary>
    public IReadOnlyList<MethodAccuracy> Methods => [Engine, LastItem, MajorityOfLastFive];
}

/// <summary>Measures the engine against baselines on journeys whose true stages are known, such as <see cref="SyntheticJourneyGenerator"/>'s.</summary>
/// <remarks>
/// <para>Each visitor starts empty. After every event the engine's stage (<see cref="StageInferenceEngine.StageAt"/>)
/// and each baseline's are compared with the visitor's true stage at that moment; a method that has no answer yet
/// is wrong. The first <c>warmUpEvents</c> events of each visitor are not measured (nobody can know a stranger), but
/// every session end is.</para>
/// <para>The baselines see the items read: <see cref="JourneyEventType.View"/> events whose content has a stage (its
/// primary stage). "Last item" answers that item's stage; "majority of last five" answers the most frequent stage among
/// the last five, ties going to the stage read most recently. They ignore engagement, calls to action and explicit
/// signals, which is what distinguishes them from the engine.</para>
/// </remarks>
public static class InferenceEvaluation
{
    private const int Window = 5;

    /// <summary>Runs the engine and the baselines over <paramref name="journeys"/>.</summary>
    /// <param name="engine">The engine to evaluate.</param>
    /// <param name="content">The content the journeys read, built with the engine's model.</param>
    /// <param name="journeys">The journeys, with their true stages.</param>
    /// <param name="warmUpEvents">Events of each visitor not measured; 0 or more.</param>
    public static InferenceEvaluationResult Run(StageInferenceEngine engine, ContentSignalIndex content, IEnumerable<SyntheticJourney> journeys, int warmUpEvents = 3)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpEvents);
        var stages = engine.Model.Stages;
        var counts = new int[3, 4];
        var window = new int[Window];
        var tally = new int[stages.Stages.Count];
        foreach (var journey in journeys)
        {
            var visitor = engine.NewVisitor();
            var read = 0;
            for (var i = 0; i < journey.Events.Count; i++)
            {
                var (e, trueStage, _, endsSession) = journey.Events[i];
                content.TryFind(e.Content, out var signal);
                engine.Apply(visitor, e.Timestamp, e.Type, signal, e.Type == JourneyEventType.DeclaredStage ? stages.FindStage(e.DeclaredStage) : null);
                if (e.Type == JourneyEventType.View && signal?.Stage is { } itemStage)
                {
                    window[read % Window] = itemStage.Order;
                    read++;
                }

                var answers = (
                    Engine: engine.StageAt(visitor, e.Timestamp)?.Order ?? -1,
                    Last: read == 0 ? -1 : window[(read - 1) % Window],
                    Majority: Majority(window, read, tally));
                Count(counts, 0, answers.Engine == trueStage.Order, i >= warmUpEvents, endsSession);
                Count(counts, 1, answers.Last == trueStage.Order, i >= warmUpEvents, endsSession);
                Count(counts, 2, answers.Majority == trueStage.Order, i >= warmUpEvents, endsSession);
            }
        }

        MethodAccuracy Result(int m, string name) => new(name, counts[m, 0], counts[m, 1], counts[m, 2], counts[m, 3]);
        return new InferenceEvaluationResult(Result(0, "engine"), Result(1, "last item"), Result(2, "majority of last 5"));
    }

    private static void Count(int[,] counts, int method, bool correct, bool measured, bool endsSession)
    {
        if (measured)
        {
            counts[method, 0] += correct ? 1 : 0;
            counts[method, 1]++;
        }

        if (endsSession)
        {
            counts[method, 2] += correct ? 1 : 0;
            counts[method, 3]++;
        }
    }

    private static int Majority(int[] window, int read, int[] tally)
    {
        if (read == 0)
        {
            return -1;
        }

        Array.Clear(tally);
        var best = -1;
        var n = Math.Min(read, Window);

        // Newest first, so that among equally frequent stages the one read most recently is reached first and kept.
        for (var k = 0; k < n; k++)
        {
            var stage = window[(read - 1 - k) % Window];
            tally[stage]++;
        }

        for (var k = 0; k < n; k++)
        {
            var stage = window[(read - 1 - k) % Window];
            if (best < 0 || tally[stage] > tally[best])
            {
                best = stage;
            }
        }

        return best;
    }
}
