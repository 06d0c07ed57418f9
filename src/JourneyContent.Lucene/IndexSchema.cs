using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JourneyContent.Content;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace JourneyContent.Lucene;

/// <summary>The fields of an item's document, and the fingerprint that tells whether an index on disk matches the content.</summary>
internal static class IndexSchema
{
    /// <summary>Bump whenever fields or analysis change, so indexes written by an older version are rebuilt.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The commit user-data key holding the fingerprint of the indexed content.</summary>
    public const string FingerprintKey = "journeycontent.fingerprint";

    public const string Id = "id";
    public const string Language = "lang";
    public const string Stage = "stage";
    public const string Topic = "topic";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Topics = "topics";

    /// <summary>The analysed fields, each indexed once per language as <c>{name}_{language}</c>.</summary>
    public static readonly string[] TextFields = [Title, Summary, Body, Topics];

    // Term vectors let MoreLikeThis read a document's terms without re-analysing its text.
    private static readonly FieldType AnalysedWithVectors = CreateAnalysedType();

    public static string FieldFor(string field, string language) => field + "_" + language;

    public static string NormaliseLanguage(string? language) =>
        string.IsNullOrWhiteSpace(language) ? "und" : language.Trim().ToLowerInvariant();

    /// <summary>The document of one item.</summary>
    public static Document ToDocument(ContentItem item)
    {
        var language = NormaliseLanguage(item.Language);
        var document = new Document
        {
            new StringField(Id, item.Id, Field.Store.YES),
            // Doc values give the id of every hit cheaply, without loading stored fields.
            new SortedDocValuesField(Id, new BytesRef(item.Id)),
            new StringField(Language, language, Field.Store.NO),
            new StringField(Stage, item.Stage ?? string.Empty, Field.Store.NO),
        };
        foreach (var topic in item.Topics)
        {
            document.Add(new StringField(Topic, topic, Field.Store.NO));
        }

        AddText(document, FieldFor(Title, language), item.Title);
        AddText(document, FieldFor(Summary, language), item.Summary);
        AddText(document, FieldFor(Body, language), item.BodyText);
        // Topic keys are words too ("lead-scoring"): analysed, they count in search and similarity.
        AddText(document, FieldFor(Topics, language), string.Join(' ', item.Topics));
        return document;
    }

    /// <summary>What decides whether an item must be re-indexed: its source version plus the tags an editor may change without touching it.</summary>
    public static string VersionOf(ContentItem item)
    {
        var version = item.Version ?? HashText(item.Title + "\u0001" + item.Summary + "\u0001" + item.BodyText);
        return string.Join('\u0001', [version, item.Language, item.Stage ?? string.Empty, .. item.Topics]);
    }

    /// <summary>A SHA-256 over the schema version and every item's id and version, in ordinal order of id.</summary>
    public static string Fingerprint(IEnumerable<ContentItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("schema:" + SchemaVersion.ToString(CultureInfo.InvariantCulture) + "\n"));
        foreach (var item in items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(item.Id + "\u0000" + VersionOf(item) + "\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string HashText(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void AddText(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new Field(field, text, AnalysedWithVectors));
        }
    }

    private static FieldType CreateAnalysedType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true };
        type.Freeze();
        return type;
    }
}
