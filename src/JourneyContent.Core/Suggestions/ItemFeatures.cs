using JourneyContent.Content;

namespace JourneyContent.Suggestions;

/// <summary>The weighted term counts of one item, sorted by term, with the first spelling seen of each term.</summary>
internal sealed class ItemFeatures
{
    /// <summary>The prefix of the kind pseudo-word; a word never contains a colon, so it cannot collide.</summary>
    public const string KindPrefix = "kind:";

    private ItemFeatures(KeyValuePair<string, int>[] counts, Dictionary<string, string> surfaces)
    {
        Counts = counts;
        Surfaces = surfaces;
    }

    /// <summary>Term → weighted occurrences, in ordinal term order so that sums are computed in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts { get; }

    /// <summary>Term → the first spelling seen, reading the title, then the summary, then the body.</summary>
    public IReadOnlyDictionary<string, string> Surfaces { get; }

    public static ItemFeatures Of(ContentItem item, StageClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(item.Title, options.TitleWeight, options.StripPlurals, counts, surfaces);
        Add(item.Summary, options.SummaryWeight, options.StripPlurals, counts, surfaces);
        Add(item.BodyText, options.BodyWeight, options.StripPlurals, counts, surfaces);
        if (options.KindWeight > 0 && !string.IsNullOrWhiteSpace(item.Kind))
        {
            counts[KindPrefix + item.Kind.Trim().ToLowerInvariant()] = options.KindWeight;
        }

        return new ItemFeatures([.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)], surfaces);
    }

    public static bool IsKind(string term) => term.StartsWith(KindPrefix, StringComparison.Ordinal);

    private static void Add(string? text, int weight, bool stripPlurals, Dictionary<string, int> counts, Dictionary<string, string> surfaces)
    {
        if (weight == 0)
        {
            return;
        }

        foreach (var token in StageTokenizer.Tokenize(text, stripPlurals))
        {
            counts[token.Term] = counts.GetValueOrDefault(token.Term) + weight;
            surfaces.TryAdd(token.Term, token.Surface);
        }
    }
}
