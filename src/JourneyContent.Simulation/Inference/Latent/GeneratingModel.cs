using JourneyContent.Inference;
using JourneyContent.Tracking;

namespace JourneyContent.Simulation;

/// <summary>How one event type is used by a <see cref="GeneratingModel"/>.</summary>
/// <param name="Type">The event type.</param>
/// <param name="Weights">Its relative frequency in each stage (one value per stage), against the other types.</param>
/// <param name="OnStage">The share of its items chosen from the visitor's true stage.</param>
/// <param name="Neighbour">The share chosen from a neighbouring stage; the rest is any group at random, untagged ones included.</param>
/// <param name="HasContent">False for signals without a page (trial, purchase): no item.</param>
/// <param name="Noise">True when its items ignore the stage altogether (any group at random, by size).</param>
/// <param name="FollowsRead">True for an event on the item the visitor viewed last in the session (engaged), as often on any item: its item is not a new choice. Without an earlier view in the session it has no item.</param>
public sealed record GeneratedEventType(JourneyEventType Type, IReadOnlyList<double> Weights, double OnStage, double Neighbour, bool HasContent = true, bool Noise = false, bool FollowsRead = false);

/// <summary>One generated visitor: its events and the hidden stage at each.</summary>
/// <param name="Events">The events, in time order.</param>
/// <param name="TrueStages">The visitor's true stage at each event.</param>
public sealed record GeneratedVisitor(IReadOnlyList<LatentObservation> Events, IReadOnlyList<int> TrueStages);

/// <summary>A documented generating model of buyer journeys whose true parameters are known, so that its Bayes-optimal filter can be computed.</summary>
/// <remarks>
/// <para><b>The process.</b> A visitor's first stage is drawn from <see cref="Start"/>; they make
/// <see cref="MinSessions"/>–<see cref="MaxSessions"/> sessions (uniform); between sessions the stage moves by
/// <see cref="Transition"/> and time advances by a gap log-uniform in [<see cref="MinGap"/>, <see cref="MaxGap"/>]. A session
/// may open (with <see cref="DeclareProbability"/>) with a declared stage, true with probability 0.95, otherwise another
/// stage at random; then it has <see cref="MinEvents"/>–<see cref="MaxEvents"/> events 20–200 s apart. Each event's type
/// is drawn by the types' weights in the current stage; an event on content picks a target stage (the true one with the
/// type's on-stage share, a neighbour with its neighbour share, otherwise any group by size), then a group (tagged stage,
/// kind) of the target, weighted by group size, except that with <see cref="KindPull"/> the read follows the stage's
/// favourite kind (<see cref="FavouriteKind"/>, whatever its tag: pricing read by deciders), and finally an item uniformly
/// within the group. An event that follows a read (engaged) is on the item read last in the session, as the site's scroll
/// beacon is, so it chooses no content.</para>
/// <para>This is the latent-stage family of <see cref="LatentStageModel"/> (a stage per session, events independent
/// given it), so <see cref="TrueModel"/> is the Bayes-optimal filter: no method can beat it on average. A fitted model
/// must learn the generator's numbers from unlabelled events, starting from the editors' tags.</para>
/// </remarks>
public sealed class GeneratingModel
{
    /// <summary>The kinds every generated catalogue uses.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["article", "guide", "webinar", "pricing", "case-study", "page"];

    private const int Pricing = 3;
    private const int CaseStudy = 4;
    private const int Page = 5;

    private double[]? _groupTable;

    /// <summary>Creates a generating model over a catalogue built for <paramref name="stages"/> stages.</summary>
    public GeneratingModel(string name, string description, int stages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stages, 2);
        Name = name;
        Description = description;
        StageCount = stages;
        Catalogue = BuildCatalogue(stages);
        Start = [.. Enumerable.Range(0, stages).Select(s => Math.Pow(0.45, s))];
        Start = [.. Start.Select(p => p / Start.Sum())];
        Transition = Moves(stages, 0.3, 0.05);
        FavouriteKind = [.. Enumerable.Repeat(-1, stages)];
    }

    /// <summary>A short name for tables.</summary>
    public string Name { get; }

    /// <summary>What is particular about this generator.</summary>
    public string Description { get; }

    /// <summary>The number of stages.</summary>
    public int StageCount { get; }

    /// <summary>The catalogue: per stage 4 articles, 4 guides and 2 webinars; 3 pricing pages tagged with the middle stage, 3 case studies tagged with stage 1, and 4 untagged pages.</summary>
    public LatentCatalogue Catalogue { get; }

    /// <summary>P(first stage).</summary>
    public double[] Start { get; init; }

    /// <summary>P(next session's stage | stage), row-major.</summary>
    public double[] Transition { get; init; }

    /// <summary>The event types and how each behaves.</summary>
    public IReadOnlyList<GeneratedEventType> Types { get; init; } = [];

    /// <summary>The fewest sessions.</summary>
    public int MinSessions { get; init; } = 2;

    /// <summary>The most sessions.</summary>
    public int MaxSessions { get; init; } = 12;

    /// <summary>The fewest events in a session.</summary>
    public int MinEvents { get; init; } = 1;

    /// <summary>The most events in a session.</summary>
    public int MaxEvents { get; init; } = 8;

    /// <summary>The shortest gap between sessions (above the fitted and true models' session gaps).</summary>
    public TimeSpan MinGap { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The longest gap between sessions.</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromDays(28);

    /// <summary>The probability that a session opens with a declared stage.</summary>
    public double DeclareProbability { get; init; } = 0.02;

    /// <summary>The share of content reads that follow the stage's favourite kind, if it has one.</summary>
    public double KindPull { get; init; }

    /// <summary>Per stage, the index in <see cref="Kinds"/> of the kind it favours, or -1.</summary>
    public int[] FavouriteKind { get; init; }

    /// <summary>A transition matrix moving forward with <paramref name="forward"/>, back with <paramref name="backward"/>, otherwise staying; the ends stop the moves.</summary>
    public static double[] Moves(int stages, double forward, double backward)
    {
        var a = new double[stages * stages];
        for (var s = 0; s < stages; s++)
        {
            var f = s < stages - 1 ? forward : 0;
            var b = s > 0 ? backward : 0;
            a[(s * stages) + s] = 1 - f - b;
            if (f > 0)
            {
                a[(s * stages) + s + 1] = f;
            }

            if (b > 0)
            {
                a[(s * stages) + s - 1] = b;
            }
        }

        return a;
    }

    /// <summary>The same weight in every stage.</summary>
    public static double[] Flat(int stages, double weight) => [.. Enumerable.Repeat(weight, stages)];

    /// <summary>A weight in one stage only.</summary>
    public static double[] Only(int stages, int stage, double weight) => [.. Enumerable.Range(0, stages).Select(s => s == stage ? weight : 0)];

    /// <summary>The Bayes-optimal filter: <see cref="LatentStageModel"/> with this generator's true parameters and no switching margin.</summary>
    public LatentStageModel TrueModel()
    {
        var k = StageCount;
        var types = JourneyEventTypes.Count;
        var g = Catalogue.GroupCount;
        var type = new double[k * types];
        foreach (var spec in Types)
        {
            for (var s = 0; s < k; s++)
            {
                type[(s * types) + (int)spec.Type] = spec.Weights[s];
            }
        }

        for (var s = 0; s < k; s++)
        {
            var sum = 0.0;
            for (var t = 0; t < types; t++)
            {
                sum += type[(s * types) + t];
            }

            for (var t = 0; t < types; t++)
            {
                type[(s * types) + t] /= sum;
            }
        }

        var groups = GroupTable();
        var typeGroup = new double[types * g * k];
        var view = Types.ToList().FindIndex(spec => spec.Type == JourneyEventType.View);
        foreach (var spec in Types)
        {
            // A follow-up is on the item viewed last, so its groups are the views': it says nothing about the stage.
            var from = spec.FollowsRead && view >= 0 ? view : Array.IndexOf(Types.ToArray(), spec);
            Array.Copy(groups, from * g * k, typeGroup, (int)spec.Type * g * k, g * k);
        }

        var item = new double[Catalogue.ItemCount * k];
        for (var i = 0; i < Catalogue.ItemCount; i++)
        {
            item.AsSpan(i * k, k).Fill(1.0 / Catalogue.GroupSize[Catalogue.ItemGroup[i]]);
        }

        // The generator's moves do not depend on the pause: the same matrix in every band.
        var transition = Enumerable.Range(0, LatentStageModel.BandCount).SelectMany(_ => Transition).ToArray();
        return new LatentStageModel(Catalogue, [.. Start], transition, type, typeGroup, item, TimeSpan.FromMinutes(30), switchMargin: 0);
    }

    /// <summary>Generates <paramref name="count"/> visitors from <paramref name="seed"/>.</summary>
    public IReadOnlyList<GeneratedVisitor> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var groups = GroupTable();
        var k = StageCount;
        var g = Catalogue.GroupCount;
        var members = Enumerable.Range(0, g).Select(group => Enumerable.Range(0, Catalogue.ItemCount).Where(i => Catalogue.ItemGroup[i] == group).ToArray()).ToArray();
        var visitors = new List<GeneratedVisitor>(count);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var v = 0; v < count; v++)
        {
            var events = new List<LatentObservation>();
            var truth = new List<int>();
            var stage = Draw(random, Start);
            var time = start + (long)(random.NextDouble() * TimeSpan.FromDays(90).Ticks);
            var sessions = random.Next(MinSessions, MaxSessions + 1);
            for (var session = 0; session < sessions; session++)
            {
                if (session > 0)
                {
                    stage = Draw(random, Transition.AsSpan(stage * k, k));
                    var logMin = Math.Log(MinGap.Ticks);
                    var logMax = Math.Log(MaxGap.Ticks);
                    time += (long)Math.Exp(logMin + ((logMax - logMin) * random.NextDouble()));
                }

                if (random.NextDouble() < DeclareProbability)
                {
                    var declared = random.NextDouble() < LatentStageModel.DefaultDeclaredAccuracy ? stage : (stage + 1 + random.Next(k - 1)) % k;
                    events.Add(new LatentObservation(time, JourneyEventType.DeclaredStage, -1, declared));
                    truth.Add(stage);
                    time += TimeSpan.FromSeconds(20 + random.Next(180)).Ticks;
                }

                var n = random.Next(MinEvents, MaxEvents + 1);
                var lastRead = -1;
                for (var e = 0; e < n; e++)
                {
                    var t = DrawType(random, stage);
                    var spec = Types[t];
                    var item = -1;
                    if (spec.FollowsRead)
                    {
                        item = lastRead;
                    }
                    else if (spec.HasContent)
                    {
                        var group = Draw(random, Column(groups, t, stage));
                        item = members[group][random.Next(members[group].Length)];
                        lastRead = spec.Type == JourneyEventType.View ? item : lastRead;
                    }

                    events.Add(new LatentObservation(time, spec.Type, item));
                    truth.Add(stage);
                    time += TimeSpan.FromSeconds(20 + random.Next(180)).Ticks;
                }
            }

            visitors.Add(new GeneratedVisitor(events, truth));
        }

        return visitors;
    }

    private double[] Column(double[] groups, int type, int stage)
    {
        var g = Catalogue.GroupCount;
        var k = StageCount;
        var column = new double[g];
        for (var group = 0; group < g; group++)
        {
            column[group] = groups[(((type * g) + group) * k) + stage];
        }

        return column;
    }

    private int DrawType(Random random, int stage)
    {
        var total = 0.0;
        foreach (var spec in Types)
        {
            total += spec.Weights[stage];
        }

        var u = random.NextDouble() * total;
        for (var t = 0; t < Types.Count; t++)
        {
            u -= Types[t].Weights[stage];
            if (u < 0)
            {
                return t;
            }
        }

        return Types.Count - 1;
    }

    private static int Draw(Random random, ReadOnlySpan<double> p)
    {
        var total = 0.0;
        foreach (var v in p)
        {
            total += v;
        }

        var u = random.NextDouble() * total;
        for (var i = 0; i < p.Length; i++)
        {
            u -= p[i];
            if (u < 0 && p[i] > 0)
            {
                return i;
            }
        }

        for (var i = p.Length - 1; i >= 0; i--)
        {
            if (p[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }

    // P(group | stage, spec index) for every spec: [(spec × groups + group) × stages + stage].
    private double[] GroupTable()
    {
        if (_groupTable is not null)
        {
            return _groupTable;
        }

        var k = StageCount;
        var g = Catalogue.GroupCount;
        var table = new double[Types.Count * g * k];
        var size = Catalogue.GroupSize;
        var total = size.Sum();
        for (var t = 0; t < Types.Count; t++)
        {
            var spec = Types[t];
            for (var s = 0; s < k; s++)
            {
                var column = new double[g];
                void AddTag(int tag, double weight)
                {
                    var tagged = Enumerable.Range(0, g).Where(group => Catalogue.GroupStage(group) == tag).Sum(group => size[group]);
                    for (var group = 0; group < g; group++)
                    {
                        if (Catalogue.GroupStage(group) == tag && tagged > 0)
                        {
                            column[group] += weight * size[group] / tagged;
                        }
                    }
                }

                void AddAll(double weight)
                {
                    for (var group = 0; group < g; group++)
                    {
                        column[group] += weight * size[group] / total;
                    }
                }

                if (spec.Noise)
                {
                    AddAll(1);
                }
                else
                {
                    var pull = FavouriteKind[s] >= 0 ? KindPull : 0;
                    if (pull > 0)
                    {
                        var kind = FavouriteKind[s];
                        var ofKind = Enumerable.Range(0, g).Where(group => group % Kinds.Count == kind).Sum(group => size[group]);
                        for (var group = 0; group < g; group++)
                        {
                            if (group % Kinds.Count == kind)
                            {
                                column[group] += pull * size[group] / ofKind;
                            }
                        }
                    }

                    var rest = 1 - pull;
                    AddTag(s, rest * spec.OnStage);
                    var hasPrevious = s > 0;
                    var hasNext = s < k - 1;
                    if (hasPrevious && hasNext)
                    {
                        AddTag(s - 1, rest * spec.Neighbour / 2);
                        AddTag(s + 1, rest * spec.Neighbour / 2);
                    }
                    else
                    {
                        AddTag(hasPrevious ? s - 1 : s + 1, rest * spec.Neighbour);
                    }

                    AddAll(rest * (1 - spec.OnStage - spec.Neighbour));
                }

                for (var group = 0; group < g; group++)
                {
                    table[(((t * g) + group) * k) + s] = column[group];
                }
            }
        }

        return _groupTable = table;
    }

    private static LatentCatalogue BuildCatalogue(int stages)
    {
        var items = new List<(string, int, int)>();
        for (var s = 0; s < stages; s++)
        {
            for (var n = 0; n < 10; n++)
            {
                items.Add(($"s{s}/item-{n}", s, n < 4 ? 0 : n < 8 ? 1 : 2));
            }
        }

        for (var n = 0; n < 3; n++)
        {
            items.Add(($"pricing-{n}", stages / 2, Pricing));
            items.Add(($"case-study-{n}", 1, CaseStudy));
        }

        for (var n = 0; n < 4; n++)
        {
            items.Add(($"page-{n}", -1, Page));
        }

        return new LatentCatalogue([.. Enumerable.Range(0, stages).Select(s => $"stage-{s}")], Kinds, items);
    }
}
