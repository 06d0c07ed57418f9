using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Recommendations;

/// <summary>The content prepared for fast recommendation: candidates grouped by language and stage, neighbour lists resolved to indices, static scores computed.</summary>
/// <remarks>
/// Built once per content snapshot, similarity table and day (freshness depends on the date), then shared by every
/// request; <see cref="NextContentSelector"/> only reads it. Untagged items and items an editor excluded are not
/// candidates; an item with secondary stages is a candidate of those stages too, its score scaled by the stage's weight.
/// </remarks>
public sealed class RecommendationCatalog
{
    private readonly Dictionary<string, int> _indexById;
    private readonly Dictionary<(string Language, int Stage), Candidate[]> _candidates;

    private RecommendationCatalog(ContentSnapshot snapshot, StageModel stages, SimilarityTable similarity, RecommendationSettings settings, DateOnly asOf)
    {
        Snapshot = snapshot;
        Stages = stages;
        Similarity = similarity;
        Settings = settings;
        AsOf = asOf;
        Items = [.. snapshot.Items];
        _indexById = new Dictionary<string, int>(Items.Length, StringComparer.Ordinal);
        for (var i = 0; i < Items.Length; i++)
        {
            _indexById[Items[i].Id] = i;
        }

        StaticScores = new double[Items.Length];
        DayNumbers = new int[Items.Length];
        Neighbours = new Neighbour[Items.Length][];
        var lambda = Math.Log(2) / settings.FreshnessHalfLifeDays;
        var buckets = new Dictionary<(string, int), List<Candidate>>();
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            DayNumbers[i] = item.Date?.DayNumber ?? 0;
            var ageDays = item.Date is { } date ? Math.Max(0, asOf.DayNumber - date.DayNumber) : settings.FreshnessHalfLifeDays * 4;
            StaticScores[i] = (settings.FreshnessWeight * Math.Exp(-lambda * ageDays)) + Math.Clamp(item.Boost, -1, 1);
            Neighbours[i] = [];
            if (item.IsUntagged || item.ExcludedFromRecommendations || stages.FindStage(item.Stage) is not { } primary)
            {
                continue;
            }

            Add(buckets, item.Language, StageIndex(primary), new Candidate(i, 1.0));
            foreach (var secondary in item.SecondaryStages)
            {
                if (stages.FindStage(secondary.Stage) is { } stage && !stage.Equals(primary))
                {
                    Add(buckets, item.Language, StageIndex(stage), new Candidate(i, secondary.Weight));
                }
            }
        }

        for (var i = 0; i < Items.Length; i++)
        {
            Neighbours[i] = [.. similarity.Of(Items[i].Id)
                .Where(n => _indexById.ContainsKey(n.ContentId))
                .Select(n => new Neighbour(_indexById[n.ContentId], n.Similarity))];
        }

        _candidates = buckets.ToDictionary(b => b.Key, b => b.Value.ToArray());
    }

    /// <summary>The snapshot the catalogue was built from.</summary>
    public ContentSnapshot Snapshot { get; }

    /// <summary>The stage model.</summary>
    public StageModel Stages { get; }

    /// <summary>The similarity table the catalogue was built from.</summary>
    public SimilarityTable Similarity { get; }

    /// <summary>The settings.</summary>
    public RecommendationSettings Settings { get; }

    /// <summary>The day freshness was computed for.</summary>
    public DateOnly AsOf { get; }

    internal ContentItem[] Items { get; }

    internal double[] StaticScores { get; }

    internal int[] DayNumbers { get; }

    internal Neighbour[][] Neighbours { get; }

    /// <summary>Builds a catalogue.</summary>
    public static RecommendationCatalog Build(ContentSnapshot snapshot, StageModel stages, SimilarityTable similarity, RecommendationSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(similarity);
        ArgumentNullException.ThrowIfNull(settings);
        return new RecommendationCatalog(snapshot, stages, similarity, settings, asOf);
    }

    /// <summary>True when this catalogue was built from these inputs, so it can be reused.</summary>
    public bool IsFor(ContentSnapshot snapshot, SimilarityTable similarity, DateOnly asOf) =>
        ReferenceEquals(snapshot, Snapshot) && ReferenceEquals(similarity, Similarity) && asOf == AsOf;

    internal int StageIndex(Stage stage)
    {
        for (var i = 0; i < Stages.Stages.Count; i++)
        {
            if (Stages.Stages[i].Equals(stage))
            {
                return i;
            }
        }

        return -1;
    }

    internal bool TryIndexOf(string? id, out int index)
    {
        index = -1;
        return id is not null && _indexById.TryGetValue(id, out index);
    }

    internal ReadOnlySpan<Candidate> CandidatesOf(string language, int stage) =>
        _candidates.TryGetValue((language, stage), out var list) ? list : [];

    private static void Add(Dictionary<(string, int), List<Candidate>> buckets, string language, int stage, Candidate candidate)
    {
        var key = (language.ToLowerInvariant(), stage);
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }

        list.Add(candidate);
    }

    internal readonly record struct Candidate(int Index, double Weight);

    internal readonly record struct Neighbour(int Index, double Similarity);
}
