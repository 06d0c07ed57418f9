using System.Globalization;
using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>A stage model and inference settings, validated once and laid out as arrays for the hot path.</summary>
/// <remarks>
/// <para>Stages are addressed by their <see cref="Stage.Order"/>, event types by their value and kinds by their index
/// in <see cref="StageModel.Kinds"/>, so an update does no string lookup. Content is resolved once into a
/// <see cref="ContentSignal"/> by <see cref="Signal(ContentItem)"/>.</para>
/// <para>Immutable and safe to share between threads; the settings object is copied, so changing it afterwards has no
/// effect.</para>
/// </remarks>
public sealed class CompiledInferenceModel
{
    internal readonly double[] EventWeightTable;
    internal readonly double[] KindMultiplierTable;
    internal readonly double DecayRatePerTick;
    internal readonly long ExplicitDurationTicks;
    internal readonly int TrialStageIndex;
    internal readonly int CustomerStageIndex;
    internal readonly long SessionGapTicks;

    private readonly StageInferenceSettings _settings;

    private CompiledInferenceModel(StageModel stages, double[] eventWeights, double[] kindMultipliers, StageInferenceSettings settings, int trialStage, int customerStage, LatentStageModel? latent = null, object? lineage = null)
    {
        Lineage = lineage ?? new object();
        _settings = settings;
        Stages = stages;
        EventWeightTable = eventWeights;
        KindMultiplierTable = kindMultipliers;
        HalfLife = settings.HalfLife;
        DecayRatePerTick = Math.Log(2) / settings.HalfLife.Ticks;
        ForwardMargin = settings.ForwardMargin;
        BackwardMargin = settings.BackwardMargin;
        ExplicitSignalDuration = settings.ExplicitSignalDuration;
        ExplicitDurationTicks = settings.ExplicitSignalDuration.Ticks;
        TopContentCount = settings.TopContentCount;
        SessionCarryOver = settings.SessionCarryOver;
        SessionGap = settings.SessionGap;
        SessionGapTicks = settings.SessionGap.Ticks;
        ConfidencePrior = settings.ConfidencePrior;
        TrialStageIndex = trialStage;
        CustomerStageIndex = customerStage;
        Latent = latent ?? new LatentStagePriors(CatalogueOf([]), trialStage, customerStage).Model(settings.SessionGap);
    }

    // Shared by a model and its copies with another latent model (WithLatent): their visitors' states are interchangeable,
    // so an engine can put a re-fitted model in force without rebuilding every visitor in memory.
    internal object Lineage { get; }

    /// <summary>The latent-stage model whose filtered belief decides the visitor's stage and confidence.</summary>
    /// <remarks>Without a fitted model it is the documented priors (<see cref="LatentStagePriors"/>) over an empty
    /// catalogue: content then counts by its (tagged stage, kind) group only.</remarks>
    public LatentStageModel Latent { get; }

    /// <summary>The same model with a fitted latent-stage model in force.</summary>
    /// <exception cref="ArgumentException">The latent model was made for other stages or content kinds; the message says which.</exception>
    public CompiledInferenceModel WithLatent(LatentStageModel latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        var stageKeys = Stages.Stages.Select(s => s.Key).ToList();
        var kindKeys = Stages.Kinds.Select(k => k.Key).ToList();
        if (!latent.Catalogue.StageKeys.SequenceEqual(stageKeys, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The model's stages ({string.Join(", ", latent.Catalogue.StageKeys)}) are not the site's ({string.Join(", ", stageKeys)}).", nameof(latent));
        }

        if (!latent.Catalogue.KindKeys.SequenceEqual(kindKeys, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The model's content kinds ({string.Join(", ", latent.Catalogue.KindKeys)}) are not the site's ({string.Join(", ", kindKeys)}).", nameof(latent));
        }

        return new CompiledInferenceModel(Stages, EventWeightTable, KindMultiplierTable, _settings, TrialStageIndex, CustomerStageIndex, latent, Lineage);
    }

    /// <summary>A latent-stage catalogue of <paramref name="items"/>, with their stages and kinds resolved as <see cref="Signal(ContentItem)"/> does.</summary>
    public LatentCatalogue CatalogueOf(IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<(string, int, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var kind = KindIndex(item.Kind);
            if (kind < 0 || !seen.Add(item.Id))
            {
                continue;
            }

            var stage = Stages.FindStage(item.Stage) ?? Stages.Kinds[kind].DefaultStage;
            list.Add((item.Id, stage?.Order ?? -1, kind));
        }

        return new LatentCatalogue([.. Stages.Stages.Select(s => s.Key)], [.. Stages.Kinds.Select(k => k.Key)], list);
    }

    /// <summary>The built-in stage model with the default settings.</summary>
    public static CompiledInferenceModel Default { get; } = Compile(StageModel.Default);

    /// <summary>The funnel.</summary>
    public StageModel Stages { get; }

    /// <summary>The number of stages; scores are indexed 0 to <c>StageCount − 1</c> in funnel order.</summary>
    public int StageCount => Stages.Stages.Count;

    /// <summary>How long evidence takes to lose half its weight.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>Points by which a later stage must lead the current one to replace it.</summary>
    public double ForwardMargin { get; }

    /// <summary>Points by which an earlier stage must lead the current one to replace it.</summary>
    public double BackwardMargin { get; }

    /// <summary>How long an explicit signal sets the stage.</summary>
    public TimeSpan ExplicitSignalDuration { get; }

    /// <summary>The time without events after which the next event starts a new session.</summary>
    public TimeSpan SessionGap { get; }

    /// <summary>The most points that earlier sessions pass on to a new one.</summary>
    public double SessionCarryOver { get; }

    /// <summary>How many contributing content items each visitor keeps.</summary>
    public int TopContentCount { get; }

    /// <summary>The pseudo-score per stage used by confidence.</summary>
    public double ConfidencePrior { get; }

    /// <summary>The stage set by a trial sign-up or demo request, or null when the model has none.</summary>
    public Stage? TrialStage => TrialStageIndex < 0 ? null : Stages.Stages[TrialStageIndex];

    /// <summary>The stage set by a purchase or customer flag, or null when the model has none.</summary>
    public Stage? CustomerStage => CustomerStageIndex < 0 ? null : Stages.Stages[CustomerStageIndex];

    /// <summary>The weight of an event of type <paramref name="type"/> before the kind multiplier.</summary>
    public double EventWeight(JourneyEventType type) =>
        (uint)type < JourneyEventTypes.Count ? EventWeightTable[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a journey event type.");

    /// <summary>The multiplier of content kind <paramref name="kind"/>; 1 for a kind the model does not know.</summary>
    public double KindMultiplier(string? kind) => KindIndex(kind) is var i and >= 0 ? KindMultiplierTable[i] : 1;

    /// <summary>Validates <paramref name="settings"/> against <paramref name="stages"/> and compiles them.</summary>
    /// <param name="stages">The funnel and its content kinds.</param>
    /// <param name="settings">The settings; the defaults when null.</param>
    /// <exception cref="InferenceSettingsException">One or more settings are invalid; each is named.</exception>
    public static CompiledInferenceModel Compile(StageModel stages, StageInferenceSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        settings ??= new StageInferenceSettings();
        var errors = new List<string>();

        var eventWeights = new double[JourneyEventTypes.Count];
        foreach (var type in JourneyEventTypes.All)
        {
            eventWeights[(int)type] = StageInferenceSettings.DefaultEventWeights[type.Key()];
        }

        foreach (var (key, weight) in settings.EventWeights ?? new Dictionary<string, double>())
        {
            if (!JourneyEventTypes.TryParse(key, out var type))
            {
                errors.Add($"JourneyContent:Inference:EventWeights:{key} is not an event type (known: {string.Join(", ", JourneyEventTypes.All.Select(t => t.Key()))}).");
            }
            else if (!(double.IsFinite(weight) && weight >= 0))
            {
                errors.Add(Invariant($"JourneyContent:Inference:EventWeights:{key} is {weight}: a weight is finite and 0 or more."));
            }
            else
            {
                eventWeights[(int)type] = weight;
            }
        }

        var kindMultipliers = new double[stages.Kinds.Count];
        Array.Fill(kindMultipliers, 1.0);
        var kindIndex = stages.Kinds.Select((k, i) => (k.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.OrdinalIgnoreCase);

        foreach (var (key, multiplier) in settings.KindMultipliers ?? new Dictionary<string, double>())
        {
            if (!kindIndex.TryGetValue(key.Trim(), out var i))
            {
                errors.Add($"JourneyContent:Inference:KindMultipliers:{key} is not a content kind of the stage model.");
            }
            else if (!(double.IsFinite(multiplier) && multiplier > 0))
            {
                errors.Add(Invariant($"JourneyContent:Inference:KindMultipliers:{key} is {multiplier}: a multiplier is finite and greater than 0."));
            }
            else
            {
                kindMultipliers[i] = multiplier;
            }
        }

        if (settings.HalfLife <= TimeSpan.Zero)
        {
            errors.Add($"JourneyContent:Inference:HalfLife is {settings.HalfLife}: it must be greater than zero.");
        }

        if (settings.SessionGap <= TimeSpan.Zero)
        {
            errors.Add($"JourneyContent:Inference:SessionGap is {settings.SessionGap}: it must be greater than zero.");
        }

        if (!(double.IsFinite(settings.SessionCarryOver) && settings.SessionCarryOver > 0))
        {
            errors.Add(Invariant($"JourneyContent:Inference:SessionCarryOver is {settings.SessionCarryOver}: it must be finite and greater than 0."));
        }

        CheckMargin(settings.ForwardMargin, nameof(settings.ForwardMargin), errors);
        CheckMargin(settings.BackwardMargin, nameof(settings.BackwardMargin), errors);
        if (settings.ExplicitSignalDuration < TimeSpan.Zero)
        {
            errors.Add($"JourneyContent:Inference:ExplicitSignalDuration is {settings.ExplicitSignalDuration}: it must be 0 or more.");
        }

        if (settings.TopContentCount is < 1 or > 64)
        {
            errors.Add(Invariant($"JourneyContent:Inference:TopContentCount is {settings.TopContentCount}: it must be between 1 and 64."));
        }

        if (!(double.IsFinite(settings.ConfidencePrior) && settings.ConfidencePrior >= 0))
        {
            errors.Add(Invariant($"JourneyContent:Inference:ConfidencePrior is {settings.ConfidencePrior}: it must be finite and 0 or more."));
        }

        var trial = StageIndex(stages, settings.TrialStage, nameof(settings.TrialStage), errors);
        var customer = StageIndex(stages, settings.CustomerStage, nameof(settings.CustomerStage), errors);
        if (errors.Count > 0)
        {
            throw new InferenceSettingsException(errors);
        }

        var copy = new StageInferenceSettings
        {
            HalfLife = settings.HalfLife,
            ForwardMargin = settings.ForwardMargin,
            BackwardMargin = settings.BackwardMargin,
            ExplicitSignalDuration = settings.ExplicitSignalDuration,
            TopContentCount = settings.TopContentCount,
            SessionCarryOver = settings.SessionCarryOver,
            SessionGap = settings.SessionGap,
            ConfidencePrior = settings.ConfidencePrior,
        };
        return new CompiledInferenceModel(stages, eventWeights, kindMultipliers, copy, trial, customer);
    }

    /// <summary>Resolves a content item into the signal that inference needs.</summary>
    /// <remarks>
    /// The primary stage is the item's stage, or its kind's default stage when the item is untagged or tagged with a
    /// stage the model does not know; when neither exists, events on the item carry no evidence. Secondary stages the
    /// model does not know, or equal to the primary one, are left out.
    /// </remarks>
    public ContentSignal Signal(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Signal(item.Id, item.Kind, item.Stage, item.SecondaryStages);
    }

    /// <summary>Resolves a content item given by its parts; see <see cref="Signal(ContentItem)"/>.</summary>
    /// <param name="contentId">The content id reported in explanations and transitions.</param>
    /// <param name="kind">The content kind key.</param>
    /// <param name="stage">The primary stage key, or null for the kind's default stage.</param>
    /// <param name="secondaryStages">Secondary stages with their shares, or null.</param>
    public ContentSignal Signal(string contentId, string kind, string? stage, IReadOnlyList<StageWeight>? secondaryStages = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        var kindIndex = KindIndex(kind);
        var primary = Stages.FindStage(stage) ?? (kindIndex >= 0 ? Stages.Kinds[kindIndex].DefaultStage : null);
        var indices = new List<int>();
        var shares = new List<double>();
        if (primary is not null)
        {
            foreach (var secondary in secondaryStages ?? [])
            {
                if (Stages.FindStage(secondary.Stage) is { } s && s.Order != primary.Order && !indices.Contains(s.Order))
                {
                    indices.Add(s.Order);
                    shares.Add(secondary.Weight);
                }
            }
        }

        var latent = Latent.Catalogue;
        var group = kindIndex >= 0 ? latent.GroupOf(primary?.Order ?? -1, kindIndex) : -1;
        var item = latent.IndexOf(contentId);
        if (item >= 0 && latent.ItemGroup[item] != group)
        {
            // Retagged since the model was fitted: what was learned about the item no longer describes it.
            item = -1;
        }

        return new ContentSignal(
            item,
            group,
            contentId,
            primary,
            kindIndex >= 0 ? Stages.Kinds[kindIndex] : null,
            kindIndex >= 0 ? KindMultiplierTable[kindIndex] : 1,
            [.. indices],
            [.. shares],
            this);
    }

    /// <summary>A new visitor about whom nothing is known, with its arrays allocated once.</summary>
    public VisitorState NewVisitor() => new(this);

    internal Stage StageAt(int index) => Stages.Stages[index];

    private int KindIndex(string? kind)
    {
        if (Stages.FindKind(kind) is not { } found)
        {
            return -1;
        }

        for (var i = 0; i < Stages.Kinds.Count; i++)
        {
            if (ReferenceEquals(Stages.Kinds[i], found))
            {
                return i;
            }
        }

        return -1;
    }

    private static int StageIndex(StageModel stages, string? key, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return -1;
        }

        if (stages.FindStage(key) is { } stage)
        {
            return stage.Order;
        }

        // The built-in defaults name stages that a site's own funnel may have dropped: then the signal is plain evidence.
        var isDefault = name == nameof(StageInferenceSettings.TrialStage)
            ? string.Equals(key, BuiltInStageModel.Keys.Decision, StringComparison.OrdinalIgnoreCase)
            : string.Equals(key, BuiltInStageModel.Keys.Loyalty, StringComparison.OrdinalIgnoreCase);
        if (!isDefault)
        {
            errors.Add($"JourneyContent:Inference:{name} '{key}' is not a configured stage (known: {string.Join(", ", stages.Stages.Select(s => s.Key))}).");
        }

        return -1;
    }

    private static void CheckMargin(double margin, string name, List<string> errors)
    {
        if (!(double.IsFinite(margin) && margin >= 0))
        {
            errors.Add(Invariant($"JourneyContent:Inference:{name} is {margin}: a margin is finite and 0 or more."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
