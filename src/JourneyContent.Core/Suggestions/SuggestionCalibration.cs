namespace JourneyContent.Suggestions;

/// <summary>One step of a <see cref="SuggestionCalibration"/>: held-out suggestions whose raw confidence fell in a range, and how many were right.</summary>
/// <param name="From">The smallest raw confidence of the step's suggestions.</param>
/// <param name="To">The largest raw confidence of the step's suggestions.</param>
/// <param name="Items">How many held-out suggestions the step holds; at least 1.</param>
/// <param name="Correct">How many of them were the item's own stage.</param>
public sealed record CalibrationStep(double From, double To, int Items, int Correct)
{
    /// <summary>The share that were right, in [0, 1]: the probability shown for a suggestion of this step.</summary>
    public double Accuracy => (double)Correct / Items;
}

/// <summary>
/// Turns a classifier's raw confidence into a probability an editor can trust: the share of suggestions that were right
/// at that confidence, measured by leave-one-out on the tagged items themselves.
/// </summary>
/// <remarks>
/// <para>Naive Bayes multiplies word likelihoods as if words were independent, so its raw confidence is near 100 % for
/// almost every item, right or wrong. To calibrate it, each tagged item is held out in turn and classified by the
/// others, exactly as an untagged item is (an item that would get no suggestion is left out). The held-out suggestions,
/// sorted by raw confidence, are fitted by isotonic regression (pool adjacent violators): a non-decreasing step
/// function in which each step's value is the observed accuracy of the suggestions it holds. Steps holding fewer than
/// <see cref="MinimumPerStep"/> suggestions are pooled with a neighbour, so no figure rests on a handful of items.</para>
/// <para>So, on the tagged items, the figure matches the facts: among the held-out suggestions shown p, a share p were
/// right, and the mean figure equals the leave-one-out accuracy. With fewer than <see cref="MinimumItems"/> held-out
/// suggestions there is not enough to tell, and <see cref="Calibrate"/> gives null: show no figure then.</para>
/// <para>A raw confidence between two steps takes the lower step's value, and one below the first step the first's.</para>
/// </remarks>
public sealed class SuggestionCalibration
{
    /// <summary>The held-out suggestions needed before any figure is shown.</summary>
    public const int MinimumItems = 20;

    /// <summary>The held-out suggestions each step holds at least (unless there is only one step).</summary>
    public const int MinimumPerStep = 10;

    private SuggestionCalibration(IReadOnlyList<CalibrationStep> steps)
    {
        Steps = steps;
        ItemCount = steps.Sum(s => s.Items);
        Correct = steps.Sum(s => s.Correct);
    }

    /// <summary>A calibration with nothing measured: every figure is null.</summary>
    public static SuggestionCalibration None { get; } = new([]);

    /// <summary>The steps, by increasing raw confidence; their accuracies do not decrease.</summary>
    public IReadOnlyList<CalibrationStep> Steps { get; }

    /// <summary>How many held-out suggestions were measured.</summary>
    public int ItemCount { get; }

    /// <summary>How many of them were right.</summary>
    public int Correct { get; }

    /// <summary>True when there were enough held-out suggestions to show a figure.</summary>
    public bool IsCalibrated => ItemCount >= MinimumItems && Steps.Count > 0;

    /// <summary>The calibrated probability that a suggestion of raw confidence <paramref name="raw"/> is right, or null when too little was measured.</summary>
    public double? Calibrate(double raw)
    {
        if (!IsCalibrated)
        {
            return null;
        }

        var step = Steps[0];
        foreach (var candidate in Steps)
        {
            if (candidate.From > raw)
            {
                break;
            }

            step = candidate;
        }

        return step.Accuracy;
    }

    /// <summary>Fits the step function to held-out suggestions: their raw confidence and whether each was right.</summary>
    public static SuggestionCalibration Fit(IEnumerable<(double Raw, bool Correct)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var blocks = new List<Block>();
        // Equal raw confidences form one point, so the step function is defined wherever a suggestion was seen.
        foreach (var point in outcomes.GroupBy(o => o.Raw).OrderBy(g => g.Key))
        {
            blocks.Add(new Block(point.Key, point.Key, point.Count(), point.Count(o => o.Correct)));
            while (blocks.Count > 1 && blocks[^1].Mean < blocks[^2].Mean)
            {
                Merge(blocks, blocks.Count - 2);
            }
        }

        // Pooling two neighbours of a non-decreasing sequence gives a value between theirs, so it stays non-decreasing.
        while (blocks.Count > 1 && blocks.FindIndex(b => b.Items < MinimumPerStep) is var small and >= 0)
        {
            var withLeft = small > 0 && (small == blocks.Count - 1 || blocks[small - 1].Items <= blocks[small + 1].Items);
            Merge(blocks, withLeft ? small - 1 : small);
        }

        return new SuggestionCalibration([.. blocks.Select(b => new CalibrationStep(b.From, b.To, b.Items, b.Correct))]);
    }

    private static void Merge(List<Block> blocks, int left)
    {
        var (a, b) = (blocks[left], blocks[left + 1]);
        blocks[left] = new Block(a.From, b.To, a.Items + b.Items, a.Correct + b.Correct);
        blocks.RemoveAt(left + 1);
    }

    private readonly record struct Block(double From, double To, int Items, int Correct)
    {
        public double Mean => (double)Correct / Items;
    }
}
