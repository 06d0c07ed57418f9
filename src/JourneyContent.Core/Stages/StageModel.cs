using System.Text.RegularExpressions;

namespace JourneyContent.Stages;

/// <summary>The validated funnel of a site: its ordered stages and its content kinds.</summary>
/// <remarks>
/// Built once at start-up by <see cref="Create"/>, which reports every bad entry at once rather than the first one,
/// so a site owner fixes their configuration in one pass. Keys are compared without regard to case.
/// </remarks>
public sealed partial class StageModel
{
    private readonly Dictionary<string, Stage> _stagesByKey;
    private readonly Dictionary<string, ContentKind> _kindsByKey;

    private StageModel(IReadOnlyList<Stage> stages, IReadOnlyList<ContentKind> kinds)
    {
        Stages = stages;
        Kinds = kinds;
        DeclarableStages = stages.Any(s => !s.ProjectAnswer.IsEmpty) ? [.. stages.Where(s => !s.ProjectAnswer.IsEmpty)] : stages;
        _stagesByKey = stages.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        _kindsByKey = kinds.ToDictionary(k => k.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in five-stage model with the built-in content kinds.</summary>
    public static StageModel Default { get; } = Create(new StageModelSettings());

    /// <summary>The stages, in funnel order.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>
    /// The stages a visitor may give as their answer to "Where are you in your project?", in funnel order: those with a
    /// <see cref="Stage.ProjectAnswer"/>, or every stage when none has one.
    /// </summary>
    public IReadOnlyList<Stage> DeclarableStages { get; }

    /// <summary>The content kinds, by key order.</summary>
    public IReadOnlyList<ContentKind> Kinds { get; }

    /// <summary>The first stage of the funnel.</summary>
    public Stage First => Stages[0];

    /// <summary>The stage with this key, or null.</summary>
    public Stage? FindStage(string? key) =>
        key is not null && _stagesByKey.TryGetValue(key.Trim(), out var stage) ? stage : null;

    /// <summary>The content kind with this key, or null.</summary>
    public ContentKind? FindKind(string? key) =>
        key is not null && _kindsByKey.TryGetValue(key.Trim(), out var kind) ? kind : null;

    /// <summary>The stage after <paramref name="stage"/>, or null at the end of the funnel.</summary>
    public Stage? Next(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Order + 1 < Stages.Count ? Stages[stage.Order + 1] : null;
    }

    /// <summary>The stage before <paramref name="stage"/>, or null at the start of the funnel.</summary>
    public Stage? Previous(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Order > 0 ? Stages[stage.Order - 1] : null;
    }

    /// <summary>Validates <paramref name="settings"/> and builds the model.</summary>
    /// <exception cref="StageModelException">The settings have one or more bad entries; each is named.</exception>
    public static StageModel Create(StageModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        var stages = BuildStages(settings.Stages ?? BuiltInStageModel.Stages(), errors);
        var kinds = BuildKinds(settings.ContentKinds, stages, errors);
        if (errors.Count > 0)
        {
            throw new StageModelException(errors);
        }

        return new StageModel(stages, kinds);
    }

    private static List<Stage> BuildStages(IList<StageSettings> configured, List<string> errors)
    {
        var stages = new List<Stage>();
        if (configured.Count == 0)
        {
            errors.Add("JourneyContent:Stages is empty: configure at least one stage, or remove the section to use the built-in funnel.");
            return stages;
        }

        var firstIndexByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            var path = $"JourneyContent:Stages:{i}";
            var key = entry?.Key?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                errors.Add($"{path}:Key is missing.");
                continue;
            }

            if (!KeyPattern().IsMatch(key))
            {
                errors.Add($"{path}:Key '{key}' is invalid: use lower-case letters, digits and hyphens.");
                continue;
            }

            if (firstIndexByKey.TryGetValue(key, out var first))
            {
                errors.Add($"{path}:Key '{key}' is a duplicate of JourneyContent:Stages:{first}.");
                continue;
            }

            firstIndexByKey[key] = i;
            var label = new LocalizedText(entry!.Label);
            var builtIn = BuiltInStageModel.Stages().FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
            if (label.IsEmpty)
            {
                // A renamed-free reuse of a built-in key keeps its translated labels; a new key shows its key.
                label = builtIn is not null ? new LocalizedText(builtIn.Label) : new LocalizedText([new("en", key)]);
            }

            var description = new LocalizedText(entry.Description);
            if (description.IsEmpty && builtIn is not null)
            {
                description = new LocalizedText(builtIn.Description);
            }

            var answer = new LocalizedText(entry.ProjectAnswer);
            if (answer.IsEmpty && builtIn is not null)
            {
                answer = new LocalizedText(builtIn.ProjectAnswer);
            }

            var color = string.IsNullOrWhiteSpace(entry.Color)
                ? BuiltInStageModel.Palette[stages.Count % BuiltInStageModel.Palette.Length]
                : entry.Color.Trim();
            stages.Add(new Stage(key, stages.Count, label, description, color, answer));
        }

        return stages;
    }

    private static List<ContentKind> BuildKinds(IDictionary<string, ContentKindSettings>? overrides, List<Stage> stages, List<string> errors)
    {
        var stageByKey = stages.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        var kinds = new SortedDictionary<string, ContentKind>(StringComparer.Ordinal);

        foreach (var (key, builtIn) in BuiltInStageModel.ContentKinds())
        {
            // A built-in kind whose stage the site removed stays usable, but its content must name a stage.
            kinds[key] = new ContentKind
            {
                Key = key,
                Label = new LocalizedText(builtIn.Label),
                DefaultStage = builtIn.DefaultStage is null ? null : stageByKey.GetValueOrDefault(builtIn.DefaultStage),
                IsCallToAction = builtIn.IsCallToAction ?? false,
            };
        }

        foreach (var (rawKey, entry) in overrides ?? new Dictionary<string, ContentKindSettings>())
        {
            var key = rawKey.Trim().ToLowerInvariant();
            var path = $"JourneyContent:ContentKinds:{rawKey}";
            if (!KeyPattern().IsMatch(key))
            {
                errors.Add($"{path} has an invalid key: use lower-case letters, digits and hyphens.");
                continue;
            }

            kinds.TryGetValue(key, out var existing);
            Stage? defaultStage = existing?.DefaultStage;
            if (!string.IsNullOrWhiteSpace(entry?.DefaultStage))
            {
                if (!stageByKey.TryGetValue(entry.DefaultStage.Trim(), out defaultStage))
                {
                    errors.Add($"{path}:DefaultStage '{entry.DefaultStage}' is not a configured stage (known: {string.Join(", ", stages.Select(s => s.Key))}).");
                    continue;
                }
            }
            else if (existing is null)
            {
                errors.Add($"{path}:DefaultStage is missing for a new content kind.");
                continue;
            }

            var label = new LocalizedText(entry?.Label ?? new Dictionary<string, string>());
            kinds[key] = new ContentKind
            {
                Key = key,
                Label = label.IsEmpty ? existing?.Label ?? new LocalizedText([new("en", key)]) : label,
                DefaultStage = defaultStage,
                IsCallToAction = entry?.IsCallToAction ?? existing?.IsCallToAction ?? false,
            };
        }

        return [.. kinds.Values];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
