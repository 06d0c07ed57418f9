using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Simulation;

/// <summary>One synthetic event with the visitor's hidden true stage when it happened.</summary>
/// <param name="Event">The event, as a tracker would record it.</param>
/// <param name="TrueStage">The visitor's hidden stage during the session.</param>
/// <param name="Session">The zero-based session number of the visitor.</param>
/// <param name="EndsSession">True for the session's last event.</param>
public readonly record struct SyntheticEvent(JourneyEvent Event, Stage TrueStage, int Session, bool EndsSession);

/// <summary>One synthetic visitor's events, in time order.</summary>
/// <param name="VisitorId">The visitor's id.</param>
/// <param name="Events">The events.</param>
public sealed record SyntheticJourney(string VisitorId, IReadOnlyList<SyntheticEvent> Events);

/// <summary>Generates visitors' journeys from a documented, seeded model of buyer behaviour, to evaluate and tune inference.</summary>
/// <remarks>
/// <para>The model, with the parameters of <see cref="SyntheticJourneyOptions"/>:</para>
/// <list type="number">
/// <item><b>Hidden stage.</b> Each visitor has a true stage the site never sees. It starts at stage i with probability
/// proportional to 0.45^i (most arrive at the top of the funnel, a few already comparing or buying, fewer customers).</item>
/// <item><b>Sessions.</b> A visitor makes <c>MinSessions</c> to <c>MaxSessions</c> sessions (uniform). Sessions are
/// separated by gaps that are log-uniform between <c>MinGap</c> and <c>MaxGap</c> (hours to weeks: as many gaps under
/// a day as between one and four weeks).</item>
/// <item><b>Moves.</b> Between two sessions the visitor moves to the next stage with <c>ForwardProbability</c>, back to the
/// previous one with <c>BackwardProbability</c> (a deal stalls, a customer re-evaluates), and otherwise stays. The funnel's
/// ends stop the moves.</item>
/// <item><b>Reading.</b> A session reads <c>MinItemsPerSession</c> to <c>MaxItemsPerSession</c> items (uniform), a few
/// minutes apart. Each read first picks a stage: the true one with <c>OnStageShare</c>, a neighbour with
/// <c>NeighbourShare</c>, otherwise any stage at random (links, search, curiosity). It then picks an item serving that stage,
/// items whose primary stage it is having weight 1 and items with it as a secondary stage weight equal to the share, so
/// editors' secondary tags are truthful.</item>
/// <item><b>Engagement.</b> A read is followed by an <c>engaged</c> event with probability <c>EngagedOffStage</c> +
/// (<c>EngagedOnStage</c> − <c>EngagedOffStage</c>) × r, where r is how much the item serves the true stage (1 primary,
/// the share secondary, 0 otherwise): people read what is relevant to them now and skim the rest.</item>
/// <item><b>Calls to action.</b> On call-to-action kinds, a <c>cta_click</c> follows with a probability built the same way
/// from <c>CtaOffStage</c> and <c>CtaOnStage</c>; then, with <c>ConversionAfterClick</c>, a <c>download</c> for gated
/// content or a <c>form_submit</c> otherwise. Off-stage clicks are the noise.</item>
/// <item><b>Explicit signals.</b> In a session in the trial stage (decision), with <c>TrialProbability</c>, the visitor signs
/// up for a trial or asks for a demo on such a page. Moving into the customer stage (loyalty) from an earlier stage opens
/// the next session with a <c>purchase</c> event with <c>PurchaseProbability</c>. With <c>DeclareProbability</c> a session
/// starts with the visitor declaring their true stage.</item>
/// </list>
/// <para>Everything is drawn from one <see cref="Random"/> seeded with <c>Seed</c>, so a run is reproducible.</para>
/// </remarks>
public static class SyntheticJourneyGenerator
{
    private const double StartRatio = 0.45;

    /// <summary>A catalogue of content for <paramref name="model"/>: <paramref name="itemsPerStage"/> items per stage, cycling through the kinds that default to it.</summary>
    /// <remarks>Every third item of a stage other than the last also serves the next stage with a share of 0.3. Items of
    /// white-paper and comparison-benchmark kinds are gated. Ids are <c>sim/{stage}-{n}</c>, slugs <c>{stage}-{n}</c>.</remarks>
    public static IReadOnlyList<ContentItem> Catalogue(StageModel model, int itemsPerStage = 12)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerStage, 1);
        var items = new List<ContentItem>();
        foreach (var stage in model.Stages)
        {
            var kinds = model.Kinds.Where(k => Equals(k.DefaultStage, stage)).ToList();
            if (kinds.Count == 0)
            {
                kinds.Add(model.Kinds[0]);
            }

            var next = model.Next(stage);
            for (var n = 1; n <= itemsPerStage; n++)
            {
                var kind = kinds[(n - 1) % kinds.Count];
                var slug = FormattableString.Invariant($"{stage.Key}-{n}");
                items.Add(new ContentItem
                {
                    Id = "sim/" + slug,
                    Slug = slug,
                    Language = "en",
                    Title = slug,
                    Kind = kind.Key,
                    Url = "/en/" + slug,
                    Stage = stage.Key,
                    SecondaryStages = next is not null && n % 3 == 0 ? [new StageWeight(next.Key, 0.3)] : [],
                    GatedAsset = kind.Key is "white-paper" or "comparison-benchmark" ? $"assets/{slug}.pdf" : null,
                });
            }
        }

        return items;
    }

    /// <summary>Generates journeys over <paramref name="catalogue"/>.</summary>
    /// <param name="model">The funnel; <paramref name="catalogue"/>'s stages are resolved against it.</param>
    /// <param name="catalogue">The content visitors read; every stage should have content.</param>
    /// <param name="options">The behaviour's parameters; the defaults when null.</param>
    /// <param name="trialStage">The stage of trial sign-ups (default <c>decision</c>); null or unknown turns them off.</param>
    /// <param name="customerStage">The stage entered by a purchase (default <c>loyalty</c>); null or unknown turns purchases off.</param>
    public static IReadOnlyList<SyntheticJourney> Generate(
        StageModel model,
        IReadOnlyList<ContentItem> catalogue,
        SyntheticJourneyOptions? options = null,
        string? trialStage = BuiltInStageModel.Keys.Decision,
        string? customerStage = BuiltInStageModel.Keys.Loyalty)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(catalogue);
        options ??= new SyntheticJourneyOptions();
        Validate(options);
        var world = new World(model, catalogue, model.FindStage(trialStage), model.FindStage(customerStage));
        var random = new Random(options.Seed);
        var journeys = new List<SyntheticJourney>(options.VisitorCount);
        for (var v = 0; v < options.VisitorCount; v++)
        {
            journeys.Add(Visitor(FormattableString.Invariant($"v{v:D7}"), world, options, random));
        }

        return journeys;
    }

    /// <summary>All the journeys' events merged in time order, as a tracker would store them; ties keep the journeys' order.</summary>
    public static IReadOnlyList<JourneyEvent> InTimeOrder(IEnumerable<SyntheticJourney> journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        return [.. journeys.SelectMany(j => j.Events.Select(e => e.Event)).OrderBy(e => e.Timestamp.UtcTicks)];
    }

    private static SyntheticJourney Visitor(string id, World world, SyntheticJourneyOptions o, Random random)
    {
        var stageCount = world.Model.Stages.Count;
        var stage = world.StartStage(random.NextDouble());
        var time = o.Start + (o.ArrivalWindow * random.NextDouble());
        var sessions = random.Next(o.MinSessions, o.MaxSessions + 1);
        var events = new List<SyntheticEvent>();
        for (var session = 0; session < sessions; session++)
        {
            var first = events.Count;
            var previous = stage;
            if (session > 0)
            {
                var logMin = Math.Log(o.MinGap.Ticks);
                var logMax = Math.Log(o.MaxGap.Ticks);
                time += TimeSpan.FromTicks((long)Math.Exp(logMin + ((logMax - logMin) * random.NextDouble())));
                var move = random.NextDouble();
                if (move < o.ForwardProbability)
                {
                    stage = Math.Min(stage + 1, stageCount - 1);
                }
                else if (move < o.ForwardProbability + o.BackwardProbability)
                {
                    stage = Math.Max(stage - 1, 0);
                }
            }

            var trueStage = world.Model.Stages[stage];
            void Add(JourneyEventType type, string? content, string? declared = null)
            {
                events.Add(new SyntheticEvent(new JourneyEvent(id, time, type, content, declared), trueStage, session, false));
                time += TimeSpan.FromSeconds(20 + random.Next(160));
            }

            if (o.ExplicitSignals && world.CustomerStage is { } customer && stage == customer.Order && previous < stage
                && session > 0 && random.NextDouble() < o.PurchaseProbability)
            {
                Add(JourneyEventType.Purchase, null);
            }

            if (o.ExplicitSignals && random.NextDouble() < o.DeclareProbability)
            {
                Add(JourneyEventType.DeclaredStage, null, trueStage.Key);
            }

            var reads = random.Next(o.MinItemsPerSession, o.MaxItemsPerSession + 1);
            var trialAt = o.ExplicitSignals && world.TrialStage is { } trial && stage == trial.Order && world.TrialContent.Count > 0
                && random.NextDouble() < o.TrialProbability ? random.Next(reads) : -1;
            for (var r = 0; r < reads; r++)
            {
                if (r == trialAt)
                {
                    var page = world.TrialContent[random.Next(world.TrialContent.Count)];
                    Add(JourneyEventType.View, page.Id);
                    Add(page.Kind == "demo-request" ? JourneyEventType.DemoRequest : JourneyEventType.TrialSignUp, page.Id);
                    continue;
                }

                var target = world.PickStage(stage, o, random);
                var item = world.PickItem(target, random);
                var relevance = world.Relevance(item, stage);
                Add(JourneyEventType.View, item.Id);
                if (random.NextDouble() < o.EngagedOffStage + ((o.EngagedOnStage - o.EngagedOffStage) * relevance))
                {
                    Add(JourneyEventType.Engaged, item.Id);
                }

                if (o.CallsToAction && world.IsCallToAction(item)
                    && random.NextDouble() < o.CtaOffStage + ((o.CtaOnStage - o.CtaOffStage) * relevance))
                {
                    Add(JourneyEventType.CtaClick, item.Id);
                    if (random.NextDouble() < o.ConversionAfterClick)
                    {
                        Add(item.IsGated ? JourneyEventType.Download : JourneyEventType.FormSubmit, item.Id);
                    }
                }
            }

            if (events.Count > first)
            {
                events[^1] = events[^1] with { EndsSession = true };
            }
        }

        return new SyntheticJourney(id, events);
    }

    private static void Validate(SyntheticJourneyOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(o.VisitorCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MinSessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxSessions, o.MinSessions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(o.MinGap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxGap, o.MinGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MinItemsPerSession, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxItemsPerSession, o.MinItemsPerSession);
        ArgumentOutOfRangeException.ThrowIfNegative(o.ArrivalWindow.Ticks);
        foreach (var p in new[] { o.ForwardProbability, o.BackwardProbability, o.OnStageShare, o.NeighbourShare, o.EngagedOnStage, o.EngagedOffStage, o.CtaOnStage, o.CtaOffStage, o.ConversionAfterClick, o.TrialProbability, o.PurchaseProbability, o.DeclareProbability })
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(o), p, "A probability is between 0 and 1.");
            }
        }

        if (o.ForwardProbability + o.BackwardProbability > 1 || o.OnStageShare + o.NeighbourShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(o), "Move probabilities, and read shares, add up to at most 1.");
        }
    }

    private sealed class World
    {
        private readonly (ContentItem Item, double Cumulative)[][] _serving;
        private readonly Dictionary<string, (int Primary, int Secondary, double Share)> _stagesOf = new(StringComparer.Ordinal);
        private readonly double[] _startCumulative;

        public World(StageModel model, IReadOnlyList<ContentItem> catalogue, Stage? trialStage, Stage? customerStage)
        {
            Model = model;
            TrialStage = trialStage;
            CustomerStage = customerStage;
            var count = model.Stages.Count;
            var serving = Enumerable.Range(0, count).Select(_ => new List<(ContentItem, double)>()).ToArray();
            foreach (var item in catalogue)
            {
                var primary = model.FindStage(item.Stage) ?? model.FindKind(item.Kind)?.DefaultStage;
                if (primary is null)
                {
                    continue;
                }

                serving[primary.Order].Add((item, 1));
                var secondary = item.SecondaryStages.Select(s => (Stage: model.FindStage(s.Stage), s.Weight)).FirstOrDefault(s => s.Stage is not null);
                if (secondary.Stage is { } s)
                {
                    serving[s.Order].Add((item, secondary.Weight));
                }

                _stagesOf[item.Id] = (primary.Order, secondary.Stage?.Order ?? -1, secondary.Weight);
            }

            _serving = serving.Select(list =>
            {
                var total = 0.0;
                return list.Select(p => (p.Item1, total += p.Item2)).ToArray();
            }).ToArray();
            var start = Enumerable.Range(0, count).Select(i => Math.Pow(StartRatio, i)).ToArray();
            var sum = start.Sum();
            var cumulative = 0.0;
            _startCumulative = [.. start.Select(p => cumulative += p / sum)];
            TrialContent = [.. catalogue.Where(i => i.Kind is "trial-cta" or "demo-request")];
        }

        public StageModel Model { get; }

        public Stage? TrialStage { get; }

        public Stage? CustomerStage { get; }

        public IReadOnlyList<ContentItem> TrialContent { get; }

        public int StartStage(double u)
        {
            var i = 0;
            while (i < _startCumulative.Length - 1 && u >= _startCumulative[i])
            {
                i++;
            }

            return i;
        }

        public int PickStage(int stage, SyntheticJourneyOptions o, Random random)
        {
            var count = _serving.Length;
            var u = random.NextDouble();
            if (u < o.OnStageShare || count == 1)
            {
                return stage;
            }

            if (u < o.OnStageShare + o.NeighbourShare)
            {
                var hasPrevious = stage > 0;
                var hasNext = stage < count - 1;
                return hasPrevious && (!hasNext || random.Next(2) == 0) ? stage - 1 : stage + 1;
            }

            return random.Next(count);
        }

        public ContentItem PickItem(int stage, Random random)
        {
            var list = _serving[stage];
            if (list.Length == 0)
            {
                throw new InvalidOperationException($"No content serves the stage '{Model.Stages[stage].Key}'.");
            }

            var u = random.NextDouble() * list[^1].Cumulative;
            var i = 0;
            while (i < list.Length - 1 && u >= list[i].Cumulative)
            {
                i++;
            }

            return list[i].Item;
        }

        public double Relevance(ContentItem item, int stage)
        {
            var (primary, secondary, share) = _stagesOf[item.Id];
            return primary == stage ? 1 : secondary == stage ? share : 0;
        }

        public bool IsCallToAction(ContentItem item) => Model.FindKind(item.Kind)?.IsCallToAction ?? false;
    }
}
