using JourneyContent.Content;

namespace JourneyContent.Recommendations;

/// <summary>For each content id, its most similar items in the same language, with a similarity in (0, 1].</summary>
/// <remarks>Immutable. Neighbours are sorted by similarity, highest first, then by id, so lists are deterministic.</remarks>
public sealed class SimilarityTable
{
    private readonly Dictionary<string, IReadOnlyList<SimilarItem>> _neighbours;

    /// <summary>Creates a table from neighbour lists; each list is normalised (sorted, self and non-positive entries removed).</summary>
    public SimilarityTable(IEnumerable<KeyValuePair<string, IReadOnlyList<SimilarItem>>> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        _neighbours = new Dictionary<string, IReadOnlyList<SimilarItem>>(StringComparer.Ordinal);
        foreach (var (id, list) in neighbours)
        {
            _neighbours[id] = [.. list
                .Where(n => n.Similarity > 0 && !string.Equals(n.ContentId, id, StringComparison.Ordinal))
                .Select(n => n with { Similarity = Math.Min(1, n.Similarity) })
                .OrderByDescending(n => n.Similarity)
                .ThenBy(n => n.ContentId, StringComparer.Ordinal)];
        }
    }

    /// <summary>A table without neighbours.</summary>
    public static SimilarityTable Empty { get; } = new([]);

    /// <summary>How many items have a neighbour list.</summary>
    public int Count => _neighbours.Count;

    /// <summary>The neighbours of <paramref name="contentId"/>, most similar first; empty when unknown.</summary>
    public IReadOnlyList<SimilarItem> Of(string contentId) =>
        _neighbours.TryGetValue(contentId, out var list) ? list : [];

    /// <summary>
    /// A table from shared topics alone (Jaccard index of the topic sets), for hosts without a search index and as a
    /// baseline in tests. Only items of the same language are neighbours; at most <paramref name="max"/> per item.
    /// </summary>
    public static SimilarityTable FromTopics(ContentSnapshot snapshot, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var result = new List<KeyValuePair<string, IReadOnlyList<SimilarItem>>>();
        foreach (var language in snapshot.Languages)
        {
            var items = snapshot.InLanguage(language).ToList();
            var topicSets = items.Select(i => new HashSet<string>(i.Topics, StringComparer.OrdinalIgnoreCase)).ToList();
            for (var a = 0; a < items.Count; a++)
            {
                var neighbours = new List<SimilarItem>();
                for (var b = 0; b < items.Count; b++)
                {
                    if (a == b || topicSets[a].Count == 0 || topicSets[b].Count == 0)
                    {
                        continue;
                    }

                    var shared = topicSets[a].Count(topicSets[b].Contains);
                    if (shared > 0)
                    {
                        neighbours.Add(new SimilarItem(items[b].Id, (double)shared / (topicSets[a].Count + topicSets[b].Count - shared)));
                    }
                }

                result.Add(new(items[a].Id, [.. neighbours.OrderByDescending(n => n.Similarity).ThenBy(n => n.ContentId, StringComparer.Ordinal).Take(max)]));
            }
        }

        return new SimilarityTable(result);
    }
}

/// <summary>A neighbour of an item.</summary>
/// <param name="ContentId">The neighbour's id.</param>
/// <param name="Similarity">How similar, in (0, 1]; 1 is the most similar item of the source item's list.</param>
public sealed record SimilarItem(string ContentId, double Similarity);
