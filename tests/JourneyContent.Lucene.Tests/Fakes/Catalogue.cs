using System.Security.Cryptography;
using System.Text;
using JourneyContent.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyContent.Lucene.Tests.Fakes;

/// <summary>Hand-made items in English and French, and a helper to open an index over them.</summary>
internal static class Catalogue
{
    public static ContentItem Item(string id, string title, string? stage, string body, string? summary = null, params string[] topics)
    {
        var language = id[..2];
        var slug = id[3..];
        return new ContentItem
        {
            Id = id,
            Slug = slug,
            Language = language,
            Title = title,
            Kind = "article",
            Url = "/" + id,
            Stage = stage,
            Topics = topics,
            Summary = summary,
            BodyText = body,
            // Like a file hash: any change of the text gives a new version.
            Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title + "|" + summary + "|" + body))),
        };
    }

    public static List<ContentItem> Sample() =>
    [
        Item("en/lead-scoring-basics", "Lead scoring basics", "awareness",
            "Lead scoring assigns points to each lead from behaviour and fit, so sales teams call the hottest prospects first. A lead scoring model ranks leads by engagement.",
            "What lead scoring is and why sales teams use it.", "lead-scoring"),
        Item("en/advanced-lead-scoring", "Advanced lead scoring models", "consideration",
            "Predictive lead scoring ranks leads with behaviour and fit data; lead scoring models decay points over time so stale leads cool down.",
            "Predictive models for lead scoring.", "lead-scoring", "crm"),
        Item("en/benchmark-report", "Customer benchmark report", "awareness",
            "Customer satisfaction scores across two hundred companies, by industry and size.",
            "Satisfaction figures by industry.", "research"),
        Item("en/office-coffee", "Choosing coffee for the office", "awareness",
            "Espresso machines, beans and grinders for a happy team kitchen. Coffee breaks bring the team together.",
            "Coffee advice for the team kitchen.", "culture"),
        Item("en/security-and-gdpr", "Security and GDPR", "decision",
            "We encrypt data at rest and in transit. Our French page calls it sécurité des données.",
            "How customer data is protected.", "security"),
        Item("en/internal-draft", "Internal draft on pricing", null,
            "An untagged draft about pricing tiers that editors have not reviewed yet.",
            null, "pricing"),
        Item("fr/securite-des-donnees", "La sécurité des données", "decision",
            "Le niveau de sécurité est élevé : le chiffrement protège les données des clients au repos et en transit.",
            "Comment nous protégeons vos données.", "securite"),
        Item("fr/notation-des-leads", "La notation des leads", "awareness",
            "La notation des leads attribue des points à chaque prospect selon son comportement, pour que les commerciaux appellent d'abord les prospects engagés.",
            "Ce qu'est la notation des leads.", "lead-scoring"),
        Item("fr/notation-predictive", "Notation prédictive des leads", "consideration",
            "La notation prédictive classe les leads et les prospects selon leur comportement ; les points des leads baissent avec le temps.",
            "Des modèles prédictifs de notation des leads.", "lead-scoring"),
        Item("fr/cafe-au-bureau", "Le café au bureau", "awareness",
            "Machines à expresso, grains et moulins pour une cuisine d'équipe heureuse.",
            "Des conseils café pour l'équipe.", "culture"),
    ];

    public static LuceneContentIndex Open(FakeContentSource source, string folder, int similarItems = 20)
    {
        var index = new LuceneContentIndex(
            source,
            Options.Create(new LuceneIndexOptions { IndexPath = folder, SimilarItemsPerItem = similarItems }),
            NullLogger<LuceneContentIndex>.Instance);
        index.Start();
        return index;
    }
}
