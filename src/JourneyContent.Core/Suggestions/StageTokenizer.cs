using System.Globalization;
using System.Text;

namespace JourneyContent.Suggestions;

/// <summary>One word of content text, in the form the stage classifier matches and in the form people read.</summary>
/// <param name="Term">The matching form: lower-case, without diacritics, optionally without a plural <c>s</c> (<c>etude</c>).</param>
/// <param name="Surface">The word as written, lower-cased, accents kept (<c>études</c>); used to explain suggestions.</param>
public sealed record TextToken(string Term, string Surface);

/// <summary>Splits English and French text into the words the stage classifier learns from.</summary>
/// <remarks>
/// <para>Text is split on every character that is neither a letter nor a digit, so <c>l'achat</c> gives <c>achat</c>
/// and <c>e-mail</c> gives <c>mail</c>. Each word is lower-cased and folded: diacritics are removed (<c>é</c> → <c>e</c>)
/// and the ligatures <c>œ</c>, <c>æ</c> and <c>ß</c> are spelled out, so <c>démo</c> and <c>demo</c> match.</para>
/// <para>Folded words shorter than <see cref="MinimumLength"/> characters, numbers, and a compact list of English and
/// French stop words are dropped. Question words (<c>why</c>, <c>what</c>, <c>how</c>, <c>pourquoi</c>, <c>comment</c>)
/// are kept on purpose: they are typical of awareness content.</para>
/// <para>Light plural stripping removes a final <c>s</c> from words of four characters or more, except after
/// <c>s</c>, <c>u</c> or <c>i</c> (<c>business</c>, <c>status</c>, <c>devis</c> stay whole).</para>
/// </remarks>
public static class StageTokenizer
{
    /// <summary>The shortest word kept, in characters after folding.</summary>
    public const int MinimumLength = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "with", "you", "your", "yours", "are", "was", "were", "that", "this", "these", "those", "from",
        "have", "has", "had", "will", "can", "not", "but", "all", "our", "ours", "they", "their", "them", "its", "into",
        "out", "about", "than", "then", "also", "each", "any", "may", "should", "would", "could", "there", "here", "just",
        "only", "over", "very", "some", "such", "been", "being", "does", "did", "his", "her", "she", "him", "who", "which",
        "when", "where", "more", "most", "other", "own", "same", "too", "both", "after", "before", "because", "while",
        // French
        "les", "des", "une", "dans", "pour", "par", "sur", "avec", "vous", "votre", "vos", "nous", "notre", "nos", "est",
        "sont", "qui", "que", "quoi", "ont", "pas", "plus", "mais", "leur", "leurs", "ces", "cet", "cette", "aux", "son",
        "ses", "sans", "sous", "tout", "tous", "toute", "toutes", "entre", "comme", "fait", "faire", "peut", "etre", "avoir",
        "elle", "elles", "ils", "donc", "car", "chaque", "meme", "aussi", "tres", "bien", "dont", "chez", "ete", "avez",
        "sommes", "etes", "lui", "eux", "mon", "mes", "ton", "tes",
    };

    /// <summary>The words of <paramref name="text"/> that the classifier keeps, in reading order.</summary>
    /// <param name="text">Any text; null or empty gives no words.</param>
    /// <param name="stripPlurals">Whether to remove a final plural <c>s</c> from each term.</param>
    public static IReadOnlyList<TextToken> Tokenize(string? text, bool stripPlurals = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = new List<TextToken>();
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || IsMark(Rune.GetUnicodeCategory(rune)))
            {
                word.Append(rune.ToString());
                continue;
            }

            Emit(word, tokens, stripPlurals);
        }

        Emit(word, tokens, stripPlurals);
        return tokens;
    }

    /// <summary>Lower-cases <paramref name="word"/> and removes its diacritics: <c>Décision</c> → <c>decision</c>, <c>Œuvre</c> → <c>oeuvre</c>.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                default:
                    if (!IsMark(CharUnicodeInfo.GetUnicodeCategory(c)))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the folded word is an English or French stop word.</summary>
    public static bool IsStopWord(string foldedWord) => StopWords.Contains(foldedWord);

    private static void Emit(StringBuilder word, List<TextToken> tokens, bool stripPlurals)
    {
        if (word.Length == 0)
        {
            return;
        }

        var surface = word.ToString().ToLowerInvariant();
        word.Clear();
        var folded = Fold(surface);
        if (folded.Length < MinimumLength || IsStopWord(folded) || folded.All(char.IsDigit))
        {
            return;
        }

        tokens.Add(new TextToken(stripPlurals ? StripPlural(folded) : folded, surface));
    }

    private static string StripPlural(string term) =>
        term.Length > MinimumLength && term[^1] == 's' && term[^2] is not ('s' or 'u' or 'i') ? term[..^1] : term;

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
