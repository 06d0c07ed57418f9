using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>A hidden-Markov model of a visitor's buyer's-journey stage, and its filter.</summary>
/// <remarks>
/// <para><b>The model.</b> A visitor has a hidden stage per session. The first session's stage is drawn from
/// <see cref="Start"/>; between two sessions the stage moves by a matrix of <see cref="Transition"/> (row = from, column = to),
/// one per band of the pause between them (<see cref="GapBands"/>: within a day, a week, a month, or longer), because a
/// visitor back after two months has had more time to move on than one back after lunch.
/// A session ends when more than <see cref="SessionGap"/> passes without an event. Within a session every event is drawn
/// independently given the stage: its type with P(type | stage), then, for an event on content, the item's group (tagged
/// stage, kind) with P(group | stage, type) and the item within its group with P(item | group, stage). An engaged read
/// is about an item already viewed, so it is not a new draw of content (see <see cref="ChoosesContent"/>). So an event type
/// whose frequency and items do not depend on the stage moves nothing, and a type read mostly on stage weighs more: how
/// informative each type is, is learned, not set.</para>
/// <para><b>Explicit signals.</b> A declared stage is evidence of fixed strength: P(declared d | stage s) =
/// <see cref="DeclaredAccuracy"/> when d = s, the rest shared evenly. Trials, demo requests, purchases and customer flags
/// are event types like the others, whose priors put nearly all their mass on the trial or customer stage (see
/// <see cref="LatentStagePriors"/>), so one of them is strong evidence until the site's history says otherwise.
/// <see cref="JourneyEventType.CtaImpression"/> is something the site did, not the visitor, and is ignored.</para>
/// <para><b>The filter.</b> <see cref="Apply"/> keeps P(stage | events so far) per visitor, normalised after each event,
/// in the visitor's preallocated arrays: no allocation, O(stages) per event (O(stages²) at a session start).</para>
/// <para><b>Current stage: a switching threshold.</b> The first informative event (on content the model can place, a declared stage, or a trial,
/// demo request, purchase or customer flag) makes the most probable stage current; before it nothing is known. Afterwards
/// another stage replaces it only when its probability exceeds the current one's by at least <see cref="SwitchMargin"/>.
/// A threshold rather than a switching cost on the whole path, because it keeps the filter causal and O(stages), and
/// because a belief hovering between two stages would otherwise flip the visitor's calls to action at every read; the
/// accuracy it costs is measured in the generator suite (JourneyContent.Simulation's <c>LatentEvaluation</c>).
/// The confidence of the current stage is its filtered probability.</para>
/// </remarks>
public sealed class LatentStageModel
{
    /// <summary>The default margin by which a challenger's probability must beat the current stage's.</summary>
    public const double DefaultSwitchMargin = 0.05;

    /// <summary>The default probability that a declared stage is the visitor's true stage.</summary>
    public const double DefaultDeclaredAccuracy = 0.95;

    internal static readonly int TypeCount = JourneyEventTypes.Count;

    /// <summary>The upper bounds of the pause bands between sessions; a longer pause is in the last band.</summary>
    public static IReadOnlyList<TimeSpan> GapBands { get; } = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>The number of transition matrices: one per pause band.</summary>
    public static int BandCount => GapBands.Count + 1;

    private static readonly long[] BandTicks = [.. GapBands.Select(b => b.Ticks)];

    // Emission[(type * (items + 1) + item + 1) * K + s]: P(type, item | s); item -1 means no known content.
    private readonly double[] _emission;

    // GroupRows[(type * groups + group) * K + s]: P(type, group | s), for content outside the catalogue.
    private readonly double[] _groupRows;
    private readonly double[] _declared;

    internal LatentStageModel(
        LatentCatalogue catalogue,
        double[] start,
        double[] transition,
        double[] typeEmission,
        double[] groupEmission,
        double[] itemInGroup,
        TimeSpan sessionGap,
        double switchMargin = DefaultSwitchMargin,
        double declaredAccuracy = DefaultDeclaredAccuracy)
    {
        var k = catalogue.StageCount;
        var n = catalogue.ItemCount;
        var g = catalogue.GroupCount;
        Check(start.Length == k && transition.Length == BandCount * k * k && typeEmission.Length == k * TypeCount
            && groupEmission.Length == TypeCount * g * k && itemInGroup.Length == n * k, "The parameter arrays do not match the catalogue's sizes.");
        Check(sessionGap > TimeSpan.Zero, "The session gap is positive.");
        Check(switchMargin is >= 0 and < 1, "The switch margin is in [0, 1).");
        Check(declaredAccuracy is > 0 and < 1, "The declared accuracy is in (0, 1).");
        foreach (var array in new[] { start, transition, typeEmission, groupEmission, itemInGroup })
        {
            foreach (var p in array)
            {
                Check(double.IsFinite(p) && p >= 0, "Probabilities are finite and not negative.");
            }
        }

        Catalogue = catalogue;
        StartArray = start;
        TransitionArray = transition;
        TypeEmissionArray = typeEmission;
        GroupEmissionArray = groupEmission;
        ItemInGroupArray = itemInGroup;
        SessionGap = sessionGap;
        SessionGapTicks = sessionGap.Ticks;
        SwitchMargin = switchMargin;
        DeclaredAccuracy = declaredAccuracy;
        _emission = new double[TypeCount * (n + 1) * k];
        for (var t = 0; t < TypeCount; t++)
        {
            for (var i = -1; i < n; i++)
            {
                var row = ((t * (n + 1)) + i + 1) * k;
                for (var s = 0; s < k; s++)
                {
                    var p = typeEmission[(s * TypeCount) + t];
                    if (i >= 0)
                    {
                        p *= ChoosesContent((JourneyEventType)t)
                            ? groupEmission[(((t * g) + catalogue.ItemGroup[i]) * k) + s] * itemInGroup[(i * k) + s]
                            : FollowUpRatio(groupEmission, t, catalogue.ItemGroup[i], g, k, s);
                    }

                    _emission[row + s] = p;
                }
            }
        }

        _groupRows = new double[TypeCount * g * k];
        for (var t = 0; t < TypeCount; t++)
        {
            for (var group = 0; group < g; group++)
            {
                for (var s = 0; s < k; s++)
                {
                    _groupRows[(((t * g) + group) * k) + s] = typeEmission[(s * TypeCount) + t]
                        * (ChoosesContent((JourneyEventType)t) ? groupEmission[(((t * g) + group) * k) + s] : FollowUpRatio(groupEmission, t, group, g, k, s));
                }
            }
        }

        _declared = new double[k * k];
        for (var d = 0; d < k; d++)
        {
            for (var s = 0; s < k; s++)
            {
                _declared[(d * k) + s] = d == s ? declaredAccuracy : (1 - declaredAccuracy) / (k - 1);
            }
        }
    }

    /// <summary>The catalogue the model's item indices refer to.</summary>
    public LatentCatalogue Catalogue { get; }

    /// <summary>The number of stages.</summary>
    public int StageCount => Catalogue.StageCount;

    /// <summary>P(first session's stage), in funnel order.</summary>
    public IReadOnlyList<double> Start => StartArray;

    /// <summary>P(next session's stage | this session's stage, pause band), row-major: [(band × stages + from) × stages + to].</summary>
    public IReadOnlyList<double> Transition => TransitionArray;

    /// <summary>P(event type | stage), row-major: [stage × types + type], types in <see cref="JourneyEventType"/> order.</summary>
    public IReadOnlyList<double> TypeEmission => TypeEmissionArray;

    /// <summary>The longest pause within a session.</summary>
    public TimeSpan SessionGap { get; }

    /// <summary>How much more probable than the current stage a challenger must be to replace it, in [0, 1).</summary>
    public double SwitchMargin { get; }

    /// <summary>P(the declared stage is the true stage).</summary>
    public double DeclaredAccuracy { get; }

    internal double[] StartArray { get; }

    internal double[] TransitionArray { get; }

    internal double[] TypeEmissionArray { get; }

    // [(type × groups + group) × stages + stage]
    internal double[] GroupEmissionArray { get; }

    // [item × stages + stage]
    internal double[] ItemInGroupArray { get; }

    internal long SessionGapTicks { get; }

    /// <summary>The reading matrix for views: P(the viewed item's tagged stage | stage), row-major [stage × (stages + 1) + tag], the last column for untagged items.</summary>
    public IReadOnlyList<double> ViewsByTag()
    {
        var k = StageCount;
        var g = Catalogue.GroupCount;
        var result = new double[k * (k + 1)];
        for (var group = 0; group < g; group++)
        {
            var tag = Catalogue.GroupStage(group);
            for (var s = 0; s < k; s++)
            {
                result[(s * (k + 1)) + (tag < 0 ? k : tag)] += GroupEmissionArray[((((int)JourneyEventType.View * g) + group) * k) + s];
            }
        }

        return result;
    }

    /// <summary>A new belief, about a visitor of whom nothing is known.</summary>
    public LatentBelief NewBelief() => new(StageCount);

    /// <summary>The same model with another switch margin (0 gives the plain most probable stage).</summary>
    public LatentStageModel WithSwitchMargin(double switchMargin) =>
        new(Catalogue, StartArray, TransitionArray, TypeEmissionArray, GroupEmissionArray, ItemInGroupArray, SessionGap, switchMargin, DeclaredAccuracy);

    /// <summary>Updates <paramref name="belief"/> with one event; allocates nothing.</summary>
    /// <param name="belief">The visitor's belief, made by a model of the same stage count.</param>
    /// <param name="observation">The event. An event older than the belief's latest is taken as part of the latest session.</param>
    /// <returns>The predictive probability of the event given the events before (1 for an ignored event); its log summed over a visitor is the log-likelihood.</returns>
    public double Apply(LatentBelief belief, in LatentObservation observation)
    {
        ArgumentNullException.ThrowIfNull(belief);
        var k = StageCount;
        var p = belief.Probabilities;
        if (p.Length != k || (uint)observation.Type >= (uint)TypeCount)
        {
            throw new ArgumentException("The belief or the event does not fit this model.", nameof(belief));
        }

        if (observation.Type == JourneyEventType.CtaImpression)
        {
            return 1;
        }

        if (!belief.HasEvents)
        {
            Array.Copy(StartArray, p, k);
            belief.HasEvents = true;
            belief.LastTicks = observation.Ticks;
        }
        else if (observation.Ticks > belief.LastTicks)
        {
            var pause = observation.Ticks - belief.LastTicks;
            if (pause > SessionGapTicks)
            {
                Propagate(p, belief.Scratch, Band(pause));
            }

            belief.LastTicks = observation.Ticks;
        }

        if (observation.Type == JourneyEventType.DeclaredStage && (uint)observation.Declared >= (uint)k)
        {
            throw new ArgumentException("A declared_stage event names a stage of the model.", nameof(observation));
        }

        var e = EmissionRow(observation);

        var scratch = belief.Scratch;
        var sum = 0.0;
        for (var s = 0; s < k; s++)
        {
            var v = p[s] * e[s];
            scratch[s] = v;
            sum += v;
        }

        if (sum > 0 && double.IsFinite(sum))
        {
            var inverse = 1 / sum;
            for (var s = 0; s < k; s++)
            {
                p[s] = scratch[s] * inverse;
            }
        }

        // Until an event says something about the stage (its likelihood differs between stages) nothing is known.
        if (belief.Current >= 0 || IsInformative(observation))
        {
            belief.Current = Choose(p, belief.Current);
        }

        return sum > 0 && double.IsFinite(sum) ? sum : 1;
    }

    internal int Choose(double[] p, int current)
    {
        var best = 0;
        for (var s = 1; s < p.Length; s++)
        {
            if (p[s] > p[best])
            {
                best = s;
            }
        }

        return current < 0 || p[best] >= p[current] + SwitchMargin ? best : current;
    }

    /// <summary>Whether an event of <paramref name="type"/> on content is a new choice of content, drawn by the stage.</summary>
    /// <remarks>
    /// An <see cref="JourneyEventType.Engaged"/> event is sent by a page the visitor has just viewed: it tells how the visitor
    /// read that item, not which item they chose. Counting it as a second draw of the item would weigh every engaged read
    /// twice, so that one article read with a scroll outvotes two others read without one. Its evidence is instead the type's
    /// own, times how much likelier an engaged read is on the item's group than a view of it (see <see cref="FollowUpRatio"/>):
    /// 1 everywhere when engagement does not depend on what is read, above 1 where a stage engages more.
    /// </remarks>
    internal static bool ChoosesContent(JourneyEventType type) => type != JourneyEventType.Engaged;

    // P(group | stage, follow-up type) / P(group | stage, view): how much likelier the follow-up is on this group than a read of it.
    private static double FollowUpRatio(double[] groupEmission, int type, int group, int groups, int k, int stage)
    {
        var view = groupEmission[((((int)JourneyEventType.View * groups) + group) * k) + stage];
        return view > 0 ? groupEmission[(((type * groups) + group) * k) + stage] / view : 1;
    }

    private bool IsInformative(in LatentObservation o) =>
        (uint)o.Item < (uint)Catalogue.ItemCount || (uint)o.Group < (uint)Catalogue.GroupCount || o.Type == JourneyEventType.DeclaredStage
        || o.Type is JourneyEventType.TrialSignUp or JourneyEventType.DemoRequest or JourneyEventType.Purchase or JourneyEventType.CustomerFlag;

    /// <summary>The belief about one person seen on two devices, into <paramref name="result"/>.</summary>
    /// <remarks>
    /// The earlier device's belief is carried across the pause to the later device's last event, as if the later device's
    /// events had been a later session of the same visitor; the later device's evidence is its belief divided by the start
    /// distribution it began from. For a later device of one session that is exactly the belief of one visitor who did
    /// both; for more it is close. Multiplying the two beliefs as they are would count the start twice and ignore the pause.
    /// </remarks>
    internal void Combine(LatentBelief earlier, LatentBelief later, Span<double> result)
    {
        var k = StageCount;
        var carried = new double[k];
        var scratch = new double[k];
        Array.Copy(earlier.Probabilities, carried, k);
        var pause = later.LastTicks - earlier.LastTicks;
        if (pause > SessionGapTicks)
        {
            Propagate(carried, scratch, Band(pause));
        }

        var sum = 0.0;
        for (var s = 0; s < k; s++)
        {
            var evidence = StartArray[s] > 0 ? later.Probabilities[s] / StartArray[s] : 0;
            sum += result[s] = carried[s] * evidence;
        }

        for (var s = 0; s < k; s++)
        {
            result[s] = sum > 0 && double.IsFinite(sum) ? result[s] / sum : carried[s];
        }
    }

    /// <summary>The pause band of a pause between two sessions, in ticks.</summary>
    internal static int Band(long pauseTicks)
    {
        var band = 0;
        while (band < BandTicks.Length && pauseTicks > BandTicks[band])
        {
            band++;
        }

        return band;
    }

    private void Propagate(double[] p, double[] scratch, int band)
    {
        var k = p.Length;
        var a = TransitionArray;
        var offset = band * k * k;
        Array.Clear(scratch);
        for (var from = 0; from < k; from++)
        {
            var pf = p[from];
            var row = offset + (from * k);
            for (var to = 0; to < k; to++)
            {
                scratch[to] += pf * a[row + to];
            }
        }

        Array.Copy(scratch, p, k);
    }

    internal ReadOnlySpan<double> EmissionRow(in LatentObservation observation)
    {
        var k = StageCount;
        if (observation.Type == JourneyEventType.DeclaredStage)
        {
            return (uint)observation.Declared < (uint)k ? _declared.AsSpan(observation.Declared * k, k) : default;
        }

        if ((uint)observation.Item >= (uint)Catalogue.ItemCount && (uint)observation.Group < (uint)Catalogue.GroupCount)
        {
            return _groupRows.AsSpan((((int)observation.Type * Catalogue.GroupCount) + observation.Group) * k, k);
        }

        var item = (uint)observation.Item < (uint)Catalogue.ItemCount ? observation.Item : -1;
        return _emission.AsSpan((((int)observation.Type * (Catalogue.ItemCount + 1)) + item + 1) * k, k);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

/// <summary>A visitor's filtered belief under a <see cref="LatentStageModel"/>: the probability of every stage, and the current stage.</summary>
/// <remarks>Mutable and not thread-safe; its arrays are allocated once, so updates allocate nothing.</remarks>
public sealed class LatentBelief
{
    internal LatentBelief(int stages)
    {
        Probabilities = new double[stages];
        Scratch = new double[stages];
    }

    /// <summary>Whether any event has been applied.</summary>
    public bool HasEvents { get; internal set; }

    /// <summary>The current stage index (see the model's switching threshold), or -1 when nothing is known.</summary>
    public int Current { get; internal set; } = -1;

    /// <summary>The current stage's probability, or 0 when nothing is known.</summary>
    public double Confidence => Current < 0 ? 0 : Probabilities[Current];

    /// <summary>The UTC ticks of the latest event applied.</summary>
    public long LastTicks { get; internal set; }

    internal double[] Probabilities { get; }

    internal double[] Scratch { get; }

    /// <summary>The probability of stage <paramref name="stage"/> (0 for all when nothing is known).</summary>
    public double Probability(int stage) => Probabilities[stage];

    internal void CopyFrom(LatentBelief other)
    {
        Array.Copy(other.Probabilities, Probabilities, Probabilities.Length);
        HasEvents = other.HasEvents;
        Current = other.Current;
        LastTicks = other.LastTicks;
    }

    internal void Set(ReadOnlySpan<double> probabilities, int current, long lastTicks)
    {
        probabilities.CopyTo(Probabilities);
        HasEvents = true;
        Current = current;
        LastTicks = lastTicks;
    }

    /// <summary>Forgets everything without allocating.</summary>
    public void Reset()
    {
        Array.Clear(Probabilities);
        HasEvents = false;
        Current = -1;
        LastTicks = 0;
    }
}
