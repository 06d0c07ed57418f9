using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>How <see cref="LatentStageFitter"/> fits.</summary>
public sealed class LatentFitOptions
{
    /// <summary>The most EM iterations per candidate session gap.</summary>
    public int MaxIterations { get; set; } = 30;

    /// <summary>EM stops when the log-likelihood per event improves by less than this.</summary>
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>The session gaps tried; the one with the best held-out likelihood is kept.</summary>
    public IReadOnlyList<TimeSpan> CandidateGaps { get; set; } =
        [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(8)];

    /// <summary>Every n-th visitor is held out to choose the gap and report held-out figures (n ≥ 2).</summary>
    public int HoldOutEvery { get; set; } = 5;

    /// <summary>Fewer events than this: the priors are kept.</summary>
    public int MinimumEvents { get; set; } = 500;

    /// <summary>Fewer visitors than this: the priors are kept.</summary>
    public int MinimumVisitors { get; set; } = 50;

    /// <summary>The fitted model's switch margin.</summary>
    public double SwitchMargin { get; set; } = LatentStageModel.DefaultSwitchMargin;
}

/// <summary>One candidate session gap and how well it predicted held-out visitors.</summary>
/// <param name="Gap">The session gap.</param>
/// <param name="HeldOutLogLikelihood">The held-out visitors' log-likelihood per event under the model fitted with this gap.</param>
/// <param name="Iterations">The EM iterations it took.</param>
public sealed record GapScore(TimeSpan Gap, double HeldOutLogLikelihood, int Iterations);

/// <summary>What a fit learned and how it went.</summary>
/// <param name="Model">The fitted model, or the priors' model when <see cref="UsedPriors"/>.</param>
/// <param name="UsedPriors">True when there was too little history and the documented priors were kept.</param>
/// <param name="Reason">Why the priors were kept, or null.</param>
/// <param name="Visitors">The visitors read.</param>
/// <param name="Events">The events used.</param>
/// <param name="Ignored">Events ignored: impressions, and declared stages the model lacks.</param>
/// <param name="LogLikelihoods">The training log-likelihood per event after each EM iteration of the chosen gap's fit.</param>
/// <param name="Gaps">Every candidate gap's held-out score.</param>
/// <param name="HeldOutPriorLogLikelihood">The held-out log-likelihood per event under the priors alone.</param>
/// <param name="HeldOutLogLikelihood">The held-out log-likelihood per event under the fitted model.</param>
public sealed record LatentFitReport(
    LatentStageModel Model,
    bool UsedPriors,
    string? Reason,
    int Visitors,
    long Events,
    long Ignored,
    IReadOnlyList<double> LogLikelihoods,
    IReadOnlyList<GapScore> Gaps,
    double HeldOutPriorLogLikelihood,
    double HeldOutLogLikelihood);

/// <summary>Expected counts of one EM pass.</summary>
internal sealed class LatentCounts
{
    public LatentCounts(LatentCatalogue catalogue)
    {
        var k = catalogue.StageCount;
        Start = new double[k];
        Transition = new double[LatentStageModel.BandCount * k * k];
        Type = new double[k * LatentStageModel.TypeCount];
        TypeGroup = new double[LatentStageModel.TypeCount * catalogue.GroupCount * k];
        Item = new double[catalogue.ItemCount * k];
    }

    public double[] Start { get; }

    public double[] Transition { get; }

    public double[] Type { get; }

    public double[] TypeGroup { get; }

    public double[] Item { get; }

    public void Clear()
    {
        Array.Clear(Start);
        Array.Clear(Transition);
        Array.Clear(Type);
        Array.Clear(TypeGroup);
        Array.Clear(Item);
    }
}

/// <summary>Fits a <see cref="LatentStageModel"/> to stored journeys without labels: Baum–Welch over each visitor's sessions.</summary>
/// <remarks>
/// <para>Each EM iteration streams over the visitors once (the source is enumerated again per pass), keeping only one
/// visitor's sessions and the expected counts in memory: memory is bounded by the longest visitor and the catalogue.
/// The E-step is forward–backward over the visitor's sessions (the hidden stage is constant within a session); the
/// M-step adds the <see cref="LatentStagePriors"/> pseudo-counts (MAP), which also anchor hidden state k to stage k.</para>
/// <para>The session gap is chosen among <see cref="LatentFitOptions.CandidateGaps"/>: for each, EM runs on the training
/// visitors and the held-out visitors' filtered log-likelihood is measured; the best gap's model is then refined on all
/// visitors. With too little history (<see cref="LatentFitOptions.MinimumEvents"/>, <see cref="LatentFitOptions.MinimumVisitors"/>)
/// the priors are kept and the report says so.</para>
/// </remarks>
public static class LatentStageFitter
{
    /// <summary>The gap used when the priors are kept.</summary>
    public static readonly TimeSpan DefaultSessionGap = TimeSpan.FromMinutes(30);

    /// <summary>Fits a model.</summary>
    /// <param name="priors">The priors, which also give the catalogue.</param>
    /// <param name="visitors">Enumerates every visitor's events in time order; called once per pass.</param>
    /// <param name="options">How to fit; the defaults when null.</param>
    /// <param name="log">Receives a line per iteration, or null.</param>
    public static LatentFitReport Fit(LatentStagePriors priors, Func<IEnumerable<IReadOnlyList<LatentObservation>>> visitors, LatentFitOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(visitors);
        options ??= new LatentFitOptions();
        if (options.HoldOutEvery < 2 || options.CandidateGaps.Count == 0 || options.MaxIterations < 1)
        {
            throw new ArgumentException("Hold out every 2nd visitor or fewer, try at least one gap and iterate at least once.", nameof(options));
        }

        var prior = priors.Model(DefaultSessionGap);
        var (visitorCount, events, ignored) = CountEvents(visitors(), priors.Catalogue.StageCount);
        if (events < options.MinimumEvents || visitorCount < options.MinimumVisitors)
        {
            var reason = $"too little history: {visitorCount} visitors and {events} events (at least {options.MinimumVisitors} and {options.MinimumEvents} are needed); the documented priors are kept";
            log?.Invoke(reason);
            return new LatentFitReport(prior, true, reason, visitorCount, events, ignored, [], [], double.NaN, double.NaN);
        }

        var pass = new Pass(priors.Catalogue);
        var counts = new LatentCounts(priors.Catalogue);
        var gaps = new List<GapScore>();
        LatentStageModel? best = null;
        var bestScore = double.NegativeInfinity;
        List<double>? bestCurve = null;
        foreach (var gap in options.CandidateGaps)
        {
            var model = priors.Model(gap);
            var curve = new List<double>();
            model = Iterate(model, priors, visitors, v => v % options.HoldOutEvery != 0, options, pass, counts, curve);
            var score = HeldOut(model, visitors, options.HoldOutEvery);
            gaps.Add(new GapScore(gap, score, curve.Count));
            log?.Invoke(FormattableString.Invariant($"gap {gap}: {curve.Count} iterations, training log-likelihood/event {curve[^1]:F5}, held-out {score:F5}"));
            if (score > bestScore)
            {
                (best, bestScore, bestCurve) = (model, score, curve);
            }
        }

        var chosen = best!;
        var finalCurve = new List<double>(bestCurve!);
        chosen = Iterate(chosen, priors, visitors, _ => true, options, pass, counts, finalCurve, Math.Max(1, options.MaxIterations / 3));
        foreach (var (ll, i) in finalCurve.Select((ll, i) => (ll, i)))
        {
            log?.Invoke(FormattableString.Invariant($"iteration {i + 1}: log-likelihood/event {ll:F5}"));
        }

        return new LatentFitReport(
            chosen.WithSwitchMargin(options.SwitchMargin),
            false,
            null,
            visitorCount,
            events,
            ignored,
            finalCurve,
            gaps,
            HeldOut(priors.Model(chosen.SessionGap), visitors, options.HoldOutEvery),
            bestScore);
    }

    /// <summary>The held-out log-likelihood per event of every <paramref name="holdOutEvery"/>-th visitor under <paramref name="model"/>'s filter.</summary>
    public static double HeldOut(LatentStageModel model, Func<IEnumerable<IReadOnlyList<LatentObservation>>> visitors, int holdOutEvery)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(visitors);
        var belief = model.NewBelief();
        var total = 0.0;
        long events = 0;
        var v = 0;
        foreach (var visitor in visitors())
        {
            if (v++ % holdOutEvery != 0)
            {
                continue;
            }

            belief.Reset();
            foreach (var e in visitor)
            {
                if (Usable(e, model.StageCount))
                {
                    total += Math.Log(model.Apply(belief, e));
                    events++;
                }
            }
        }

        return events == 0 ? double.NaN : total / events;
    }

    internal static LatentStageModel Estimate(LatentCounts c, LatentStagePriors priors, TimeSpan gap, double switchMargin)
    {
        var catalogue = priors.Catalogue;
        var k = catalogue.StageCount;
        var types = LatentStageModel.TypeCount;
        var g = catalogue.GroupCount;
        var n = catalogue.ItemCount;
        var start = new double[k];
        for (var s = 0; s < k; s++)
        {
            start[s] = c.Start[s] + priors.Start[s];
        }

        Normalise(start);
        var transition = new double[LatentStageModel.BandCount * k * k];
        for (var i = 0; i < transition.Length; i++)
        {
            transition[i] = c.Transition[i] + priors.Transition[i];
        }

        for (var row = 0; row < LatentStageModel.BandCount * k; row++)
        {
            Normalise(transition.AsSpan(row * k, k));
        }

        var type = new double[k * types];
        for (var s = 0; s < k; s++)
        {
            for (var t = 0; t < types; t++)
            {
                type[(s * types) + t] = t is (int)JourneyEventType.DeclaredStage or (int)JourneyEventType.CtaImpression
                    ? 0
                    : c.Type[(s * types) + t] + priors.TypeEmission[(s * types) + t];
            }

            Normalise(type.AsSpan(s * types, types));
        }

        // Pooled P(group | stage): every content event's group, plus the tag-anchored prior.
        var pooled = new double[g * k];
        for (var s = 0; s < k; s++)
        {
            var sum = 0.0;
            for (var group = 0; group < g; group++)
            {
                var v = priors.Group[(group * k) + s];
                for (var t = 0; t < types; t++)
                {
                    // A follow-up is about an item already counted by its view.
                    v += LatentStageModel.ChoosesContent((JourneyEventType)t) ? c.TypeGroup[(((t * g) + group) * k) + s] : 0;
                }

                sum += pooled[(group * k) + s] = v;
            }

            for (var group = 0; group < g; group++)
            {
                pooled[(group * k) + s] = sum > 0 ? pooled[(group * k) + s] / sum : 0;
            }
        }

        var typeGroup = new double[types * g * k];
        for (var t = 0; t < types; t++)
        {
            for (var s = 0; s < k; s++)
            {
                var sum = LatentStagePriors.TypeGroupWeight;
                for (var group = 0; group < g; group++)
                {
                    sum += c.TypeGroup[(((t * g) + group) * k) + s];
                }

                // A follow-up's prior leans towards the stage's own groups: engaging with what one reads on stage.
                var followUp = !LatentStageModel.ChoosesContent((JourneyEventType)t);
                var norm = 1.0;
                if (followUp)
                {
                    norm = 0;
                    for (var group = 0; group < g; group++)
                    {
                        norm += pooled[(group * k) + s] * (catalogue.GroupStage(group) == s ? LatentStagePriors.FollowUpOnStageLift : 1);
                    }
                }

                for (var group = 0; group < g; group++)
                {
                    var at = (((t * g) + group) * k) + s;
                    var lift = followUp && catalogue.GroupStage(group) == s ? LatentStagePriors.FollowUpOnStageLift : 1;
                    var mean = pooled[(group * k) + s] * lift / norm;
                    typeGroup[at] = (c.TypeGroup[at] + (LatentStagePriors.TypeGroupWeight * mean)) / sum;
                }
            }
        }

        var groupItems = new double[g * k];
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < k; s++)
            {
                groupItems[(catalogue.ItemGroup[i] * k) + s] += c.Item[(i * k) + s];
            }
        }

        var item = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var group = catalogue.ItemGroup[i];
            for (var s = 0; s < k; s++)
            {
                item[(i * k) + s] = (c.Item[(i * k) + s] + (LatentStagePriors.ItemWeight / catalogue.GroupSize[group]))
                    / (groupItems[(group * k) + s] + LatentStagePriors.ItemWeight);
            }
        }

        return new LatentStageModel(catalogue, start, transition, type, typeGroup, item, gap, switchMargin);
    }

    internal static bool Usable(in LatentObservation e, int stages) =>
        e.Type != JourneyEventType.CtaImpression && (uint)e.Type < (uint)LatentStageModel.TypeCount
        && (e.Type != JourneyEventType.DeclaredStage || (uint)e.Declared < (uint)stages);

    private static (int Visitors, long Events, long Ignored) CountEvents(IEnumerable<IReadOnlyList<LatentObservation>> visitors, int stages)
    {
        var count = 0;
        long events = 0;
        long ignored = 0;
        foreach (var visitor in visitors)
        {
            count++;
            foreach (var e in visitor)
            {
                if (Usable(e, stages))
                {
                    events++;
                }
                else
                {
                    ignored++;
                }
            }
        }

        return (count, events, ignored);
    }

    private static LatentStageModel Iterate(
        LatentStageModel model,
        LatentStagePriors priors,
        Func<IEnumerable<IReadOnlyList<LatentObservation>>> visitors,
        Func<int, bool> include,
        LatentFitOptions options,
        Pass pass,
        LatentCounts counts,
        List<double> curve,
        int? iterations = null)
    {
        var previous = curve.Count > 0 ? curve[^1] : double.NegativeInfinity;
        for (var iteration = 0; iteration < (iterations ?? options.MaxIterations); iteration++)
        {
            counts.Clear();
            var total = 0.0;
            long events = 0;
            var v = 0;
            foreach (var visitor in visitors())
            {
                if (include(v++))
                {
                    total += pass.Accumulate(model, visitor, counts, ref events);
                }
            }

            model = Estimate(counts, priors, model.SessionGap, model.SwitchMargin);
            var perEvent = events == 0 ? 0 : total / events;
            curve.Add(perEvent);
            if (perEvent - previous < options.Tolerance)
            {
                break;
            }

            previous = perEvent;
        }

        return model;
    }

    private static void Normalise(Span<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        if (sum > 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] /= sum;
            }
        }
    }

    /// <summary>One visitor's forward–backward, with buffers reused across visitors.</summary>
    private sealed class Pass(LatentCatalogue catalogue)
    {
        private readonly int _k = catalogue.StageCount;
        private readonly int _groups = catalogue.GroupCount;
        private readonly int[] _itemGroup = catalogue.ItemGroup;
        private double[] _emission = new double[64 * catalogue.StageCount];
        private double[] _alpha = new double[64 * catalogue.StageCount];
        private double[] _beta = new double[64 * catalogue.StageCount];
        private double[] _scale = new double[64];
        private int[] _bounds = new int[65];

        // Per session, the offset of the transition matrix into it (its pause band × stages²).
        private int[] _band = new int[64];
        private readonly double[] _gamma = new double[catalogue.StageCount];

        public double Accumulate(LatentStageModel model, IReadOnlyList<LatentObservation> visitor, LatentCounts counts, ref long events)
        {
            var k = _k;
            var sessions = 0;
            var logLikelihood = 0.0;
            long last = 0;
            var any = false;
            for (var i = 0; i < visitor.Count; i++)
            {
                var e = visitor[i];
                if (!Usable(e, k))
                {
                    continue;
                }

                events++;
                if (!any || e.Ticks - last > model.SessionGapTicks)
                {
                    Grow(sessions + 1);
                    _bounds[sessions] = i;
                    _band[sessions] = any ? LatentStageModel.Band(e.Ticks - last) * k * k : 0;
                    _emission.AsSpan(sessions * k, k).Fill(1);
                    sessions++;
                }

                if (!any || e.Ticks > last)
                {
                    last = e.Ticks;
                }

                any = true;
                var row = model.EmissionRow(e);
                var at = (sessions - 1) * k;
                var max = 0.0;
                for (var s = 0; s < k; s++)
                {
                    var v = _emission[at + s] * row[s];
                    _emission[at + s] = v;
                    max = Math.Max(max, v);
                }

                if (max < 1e-100 && max > 0)
                {
                    for (var s = 0; s < k; s++)
                    {
                        _emission[at + s] /= max;
                    }

                    logLikelihood += Math.Log(max);
                }
            }

            if (sessions == 0)
            {
                return 0;
            }

            _bounds[sessions] = visitor.Count;
            var a = model.TransitionArray;

            // Forward, normalised per session.
            for (var j = 0; j < sessions; j++)
            {
                var sum = 0.0;
                for (var s = 0; s < k; s++)
                {
                    var prior = 0.0;
                    if (j == 0)
                    {
                        prior = model.StartArray[s];
                    }
                    else
                    {
                        for (var from = 0; from < k; from++)
                        {
                            prior += _alpha[((j - 1) * k) + from] * a[_band[j] + (from * k) + s];
                        }
                    }

                    var v = prior * _emission[(j * k) + s];
                    _alpha[(j * k) + s] = v;
                    sum += v;
                }

                if (!(sum > 0))
                {
                    // Impossible under the model (a zero probability): treat the session as uninformative.
                    sum = 0;
                    for (var s = 0; s < k; s++)
                    {
                        _emission[(j * k) + s] = 1;
                        var prior = j == 0 ? model.StartArray[s] : 0;
                        for (var from = 0; j > 0 && from < k; from++)
                        {
                            prior += _alpha[((j - 1) * k) + from] * a[_band[j] + (from * k) + s];
                        }

                        _alpha[(j * k) + s] = prior;
                        sum += prior;
                    }
                }

                _scale[j] = sum;
                logLikelihood += Math.Log(sum);
                for (var s = 0; s < k; s++)
                {
                    _alpha[(j * k) + s] /= sum;
                }
            }

            // Backward, with the forward scales.
            _beta.AsSpan((sessions - 1) * k, k).Fill(1);
            for (var j = sessions - 2; j >= 0; j--)
            {
                for (var s = 0; s < k; s++)
                {
                    var v = 0.0;
                    for (var to = 0; to < k; to++)
                    {
                        v += a[_band[j + 1] + (s * k) + to] * _emission[((j + 1) * k) + to] * _beta[((j + 1) * k) + to];
                    }

                    _beta[(j * k) + s] = v / _scale[j + 1];
                }
            }

            var types = LatentStageModel.TypeCount;
            for (var j = 0; j < sessions; j++)
            {
                var sum = 0.0;
                for (var s = 0; s < k; s++)
                {
                    sum += _gamma[s] = _alpha[(j * k) + s] * _beta[(j * k) + s];
                }

                for (var s = 0; s < k; s++)
                {
                    _gamma[s] /= sum;
                }

                if (j == 0)
                {
                    for (var s = 0; s < k; s++)
                    {
                        counts.Start[s] += _gamma[s];
                    }
                }
                else
                {
                    var xiSum = 0.0;
                    for (var from = 0; from < k; from++)
                    {
                        for (var to = 0; to < k; to++)
                        {
                            xiSum += _alpha[((j - 1) * k) + from] * a[_band[j] + (from * k) + to] * _emission[(j * k) + to] * _beta[(j * k) + to];
                        }
                    }

                    for (var from = 0; from < k; from++)
                    {
                        for (var to = 0; to < k; to++)
                        {
                            counts.Transition[_band[j] + (from * k) + to] += _alpha[((j - 1) * k) + from] * a[_band[j] + (from * k) + to] * _emission[(j * k) + to] * _beta[(j * k) + to] / xiSum;
                        }
                    }
                }

                for (var i = _bounds[j]; i < _bounds[j + 1]; i++)
                {
                    var e = visitor[i];
                    if (!Usable(e, k) || e.Type == JourneyEventType.DeclaredStage)
                    {
                        continue;
                    }

                    var t = (int)e.Type;
                    var item = (uint)e.Item < (uint)_itemGroup.Length ? e.Item : -1;
                    var group = item >= 0 ? _itemGroup[item] : (uint)e.Group < (uint)_groups ? e.Group : -1;

                    // A follow-up (engaged) counts towards its type's groups, not towards which items are chosen.
                    item = LatentStageModel.ChoosesContent(e.Type) ? item : -1;
                    var groupAt = group < 0 ? -1 : ((t * _groups) + group) * k;
                    for (var s = 0; s < k; s++)
                    {
                        var w = _gamma[s];
                        counts.Type[(s * types) + t] += w;
                        if (group >= 0)
                        {
                            counts.TypeGroup[groupAt + s] += w;
                        }

                        if (item >= 0)
                        {
                            counts.Item[(item * k) + s] += w;
                        }
                    }
                }
            }

            return logLikelihood;
        }

        private void Grow(int sessions)
        {
            if (sessions <= _scale.Length)
            {
                return;
            }

            var size = Math.Max(sessions, _scale.Length * 2);
            Array.Resize(ref _emission, size * _k);
            Array.Resize(ref _alpha, size * _k);
            Array.Resize(ref _beta, size * _k);
            Array.Resize(ref _scale, size);
            Array.Resize(ref _bounds, size + 1);
            Array.Resize(ref _band, size);
        }
    }
}
