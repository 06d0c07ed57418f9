using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace JourneyContent.Lucene;

/// <summary>The text analysis of each field: French and English get stemming and accent folding, other languages folding only.</summary>
/// <remarks>
/// Accents are folded after the stop filter (stop lists are accented) and before stemming, so that "sécurité",
/// "securite" and "Sécurité" give one term: visitors often type French without accents.
/// </remarks>
internal static class ContentAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyzer for indexing and querying: per field, by the language suffix of its name.</summary>
    public static Analyzer Create()
    {
        var french = French();
        var english = English();
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in IndexSchema.TextFields)
        {
            perField[IndexSchema.FieldFor(field, "fr")] = french;
            perField[IndexSchema.FieldFor(field, "en")] = english;
        }

        return new PerFieldAnalyzerWrapper(Other(), perField);
    }

    private static Analyzer French() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, FrenchAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static Analyzer English() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static Analyzer Other() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });
}
