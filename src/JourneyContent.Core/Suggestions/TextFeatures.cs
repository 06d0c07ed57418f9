using System.Globalization;
using System.Text;
using JourneyContent.Content;

namespace JourneyContent.Suggestions;

/// <summary>Turns a content item into weighted word counts for the stage classifier, in English and French.</summary>
/// <remarks>
/// Words are lower-cased and stripped of accents (so <c>évaluer</c> and <c>evaluer</c> match), stop words and
/// words under three letters are dropped, and a final plural <c>s</c> is removed. Title words count three times,
/// summary words twice; the kind counts as a pseudo-word <c>kind:…</c> worth three words, so the kind matters
/// without deciding alone. The first spelling seen of each word is kept to explain suggestions.
/// </remarks>
public static class TextFeatures
{
    private const double TitleWeight = 3;
    private const double SummaryWeight = 2;
    private const double KindWeight = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "with", "you", "your", "are", "that", "this", "from", "have", "has", "was", "were", "will", "can",
        "not", "but", "all", "our", "they", "their", "them", "what", "when", "who", "how", "why", "which", "into", "out", "more",
        "one", "two", "about", "than", "then", "its", "it's", "also", "each", "per", "use", "any", "may", "should", "would", "there",
        "here", "just", "only", "over", "very", "most", "some", "such", "these", "those", "been", "being", "does", "did", "get",
        // French
        "les", "des", "une", "dans", "pour", "par", "sur", "avec", "vous", "votre", "vos", "nous", "notre", "nos", "est", "sont",
        "qui", "que", "quoi", "ont", "pas", "plus", "mais", "ou", "leur", "leurs", "ces", "cet", "cette", "aux", "son", "ses",
        "sans", "tout", "tous", "toute", "toutes", "entre", "comme", "fait", "faire", "peut", "etre", "avoir", "elle", "ils",
        "elles", "donc", "car", "chaque", "meme", "aussi", "tres", "bien", "deux", "dont",
    };

    /// <summary>The weighted word counts of <paramref name="item"/>, and a readable spelling of each word.</summary>
    public static (Dictionary<string, double> Counts, Dictionary<string, string> Spellings) Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(item.Title, TitleWeight, counts, spellings);
        Add(item.Summary, SummaryWeight, counts, spellings);
        Add(item.BodyText, 1, counts, spellings);
        var kind = "kind:" + item.Kind;
        counts[kind] = KindWeight;
        spellings[kind] = kind;
        return (counts, spellings);
    }

    /// <summary>The normalised words of <paramref name="text"/>, paired with their original spelling.</summary>
    public static IEnumerable<(string Word, string Original)> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '-' && start >= 0));
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var original = text[start..i].Trim('-');
                start = -1;
                var word = Normalise(original);
                if (word.Length >= 3 && !StopWords.Contains(word) && !word.All(char.IsDigit))
                {
                    yield return (word, original.ToLowerInvariant());
                }
            }
        }
    }

    private static void Add(string? text, double weight, Dictionary<string, double> counts, Dictionary<string, string> spellings)
    {
        foreach (var (word, original) in Words(text))
        {
            counts[word] = counts.GetValueOrDefault(word) + weight;
            spellings.TryAdd(word, original);
        }
    }

    private static string Normalise(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        var plain = builder.ToString();
        return plain.Length > 4 && plain.EndsWith('s') && !plain.EndsWith("ss", StringComparison.Ordinal) ? plain[..^1] : plain;
    }
}
