using JourneyContent.CallsToAction;
using JourneyContent.Content;
using JourneyContent.Recommendations;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Recommendations;

/// <summary>A small hand-made site: every stage has a few items in English and one or two in French.</summary>
internal static class RecommendationKit
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static StageModel Model => StageModel.Default;

    public static ContentItem Item(string slug, string stage, string kind = "blog-post", string language = "en", string[]? topics = null, int ageDays = 30) => new()
    {
        Id = language + "/" + slug,
        Slug = slug,
        Language = language,
        Title = slug,
        Kind = kind,
        Url = "/" + language + "/" + slug,
        Stage = stage,
        Topics = topics ?? [],
        Date = Today.AddDays(-ageDays),
    };

    public static List<ContentItem> Site() =>
    [
        Item("what-is-inbound", "awareness", topics: ["inbound"]),
        Item("journey-basics", "awareness", topics: ["journey"]),
        Item("white-paper", "awareness", "white-paper", topics: ["inbound"]),
        Item("newsletter", "awareness", "newsletter", topics: ["inbound"]),
        Item("scoring-guide", "consideration", "how-to-guide", topics: ["scoring"]),
        Item("scoring-webinar", "consideration", "webinar", topics: ["scoring"]),
        Item("case-nordlys", "consideration", "case-study", topics: ["crm"]),
        Item("case-berthe", "consideration", "case-study", topics: ["scoring", "crm"]),
        Item("benchmark", "consideration", "comparison-benchmark", topics: ["crm"]) with { GatedAsset = "assets/benchmark.pdf" },
        Item("pricing", "decision", "pricing", topics: ["pricing"]),
        Item("trial", "decision", "trial-cta", topics: ["pricing"]),
        Item("demo", "decision", "demo-request", topics: ["crm"]),
        Item("testimonials", "decision", "testimonial", topics: ["crm"]),
        Item("onboarding", "loyalty", "onboarding-guide", topics: ["onboarding"]),
        Item("referral", "advocacy", "referral-program", topics: ["referral"]),
        Item("review", "advocacy", "review-request", topics: ["referral"]),
        Item("le-scoring", "consideration", "how-to-guide", "fr", ["scoring"]),
        Item("le-webinaire", "consideration", "webinar", "fr", ["scoring"]),
        Item("les-tarifs", "decision", "pricing", "fr", ["pricing"]),
        Item("essai", "decision", "trial-cta", "fr", ["pricing"]),
    ];

    public static ContentSnapshot Snapshot(IEnumerable<ContentItem>? items = null) => new(items ?? Site(), [], DateTimeOffset.UnixEpoch);

    public static RecommendationCatalog Catalog(ContentSnapshot snapshot, RecommendationSettings? settings = null) =>
        RecommendationCatalog.Build(snapshot, Model, SimilarityTable.FromTopics(snapshot), settings ?? new RecommendationSettings(), Today);

    public static CallToActionCatalog Offers(ContentSnapshot snapshot) => CallToActionCatalog.Build(snapshot, Model);

    public static Stage Stage(string key) => Model.FindStage(key)!;

    public static VisitorContext Visitor(ContentSnapshot snapshot, string pageId, string? stage, params string[] read)
    {
        var history = new ReadingHistory();
        foreach (var id in read)
        {
            history.Record(Tracking.JourneyEventType.View, id);
        }

        var page = snapshot.FindById(pageId)!;
        return VisitorContext.For(page.Language, page, stage is null ? null : Stage(stage), history);
    }
}
