using JourneyContent.Content;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Suggestions;

/// <summary>Small, realistic tagged content in English and French, and a synthetic set for leave-one-out evaluation.</summary>
internal static class SuggestionCorpus
{
    public const string Awareness = BuiltInStageModel.Keys.Awareness;
    public const string Consideration = BuiltInStageModel.Keys.Consideration;
    public const string Decision = BuiltInStageModel.Keys.Decision;

    private static int _next;

    public static ContentItem Item(string language, string? stage, string kind, string title, string? summary = null, string body = "")
    {
        var n = Interlocked.Increment(ref _next);
        return new()
        {
            Id = $"{language}/item-{n}",
            Slug = $"item-{n}",
            Language = language,
            Title = title,
            Kind = kind,
            Url = $"/{language}/item-{n}",
            Stage = stage,
            Summary = summary,
            BodyText = body,
        };
    }

    /// <summary>Twelve tagged items: two per stage and language.</summary>
    public static IReadOnlyList<ContentItem> Tagged() =>
    [
        Item("en", Awareness, "blog-post", "Why leads go cold",
            "Most leads go cold because nobody answers their first question.",
            "Leads go cold when the problem they have is not understood. Learn the signs, the common mistakes and why a lead stops reading."),
        Item("en", Awareness, "white-paper", "What is the buyer's journey?",
            "A guide to the buyer's journey for marketing teams.",
            "The buyer's journey starts when a problem is recognised. Understand each step of the journey and why content matters at the start."),
        Item("en", Consideration, "comparison-benchmark", "Compare marketing automation platforms",
            "A benchmark of five platforms, feature by feature.",
            "We compare platforms on features, integrations and reporting. The benchmark scores each platform versus the alternatives."),
        Item("en", Consideration, "webinar", "Choosing a platform: features versus alternatives",
            "Which features matter when you compare solutions.",
            "A webinar to compare solutions: evaluation criteria, feature checklist, benchmark results and alternatives side by side."),
        Item("en", Decision, "pricing", "Pricing and plans",
            "Simple pricing: three plans, monthly or yearly contract.",
            "Choose a plan. Every plan includes a free trial. Pricing is per seat, the contract is monthly or yearly, with a discount for a yearly contract."),
        Item("en", Decision, "trial-cta", "Start your free trial",
            "Try it free for thirty days, then pick a plan.",
            "Start a free trial today. Book a demo with our team, compare plans and pricing, and sign the contract when you are ready."),
        Item("fr", Awareness, "blog-post", "Pourquoi vos prospects refroidissent",
            "La plupart des prospects refroidissent faute de réponse.",
            "Les prospects refroidissent quand leur problème n'est pas compris. Comprendre les signes, les erreurs courantes et pourquoi un prospect décroche."),
        Item("fr", Awareness, "white-paper", "Qu'est-ce que le parcours d'achat ?",
            "Un guide du parcours d'achat pour les équipes marketing.",
            "Le parcours d'achat commence quand un problème est identifié. Comprendre chaque étape du parcours et pourquoi le contenu compte dès le début."),
        Item("fr", Consideration, "comparison-benchmark", "Comparatif des plateformes d'automatisation",
            "Un comparatif de cinq plateformes, fonctionnalité par fonctionnalité.",
            "Nous comparons les plateformes : fonctionnalités, intégrations, rapports. Le comparatif note chaque plateforme face aux alternatives."),
        Item("fr", Consideration, "webinar", "Choisir une plateforme : critères et alternatives",
            "Quelles fonctionnalités comptent pour comparer les solutions.",
            "Un webinaire pour comparer les solutions : critères d'évaluation, grille des fonctionnalités, comparatif et alternatives."),
        Item("fr", Decision, "pricing", "Tarifs et offres",
            "Des tarifs simples : trois offres, contrat mensuel ou annuel.",
            "Choisissez une offre. Chaque offre inclut un essai gratuit. Les tarifs sont par utilisateur, contrat mensuel ou annuel, remise sur le contrat annuel."),
        Item("fr", Decision, "demo-request", "Demandez une démo",
            "Une démo personnalisée de trente minutes, puis un devis.",
            "Réservez une démo avec notre équipe. Démo, devis, tarifs et essai gratuit : tout pour signer le contrat."),
    ];

    /// <summary>
    /// A seeded synthetic set of 34 items (16 awareness, 10 consideration, 8 decision) in English and French: each item
    /// mixes words of its stage, shared marketing words, and now and then a word of another stage.
    /// </summary>
    public static IReadOnlyList<ContentItem> Synthetic()
    {
        string[] awarenessWords = ["why", "leads", "cold", "buyer", "journey", "problem", "signs", "challenges", "understand", "mistakes", "pourquoi", "prospects", "parcours", "problème", "comprendre", "erreurs", "défis", "signes"];
        string[] considerationWords = ["compare", "platforms", "benchmark", "features", "versus", "alternatives", "criteria", "checklist", "comparer", "plateformes", "comparatif", "fonctionnalités", "critères", "évaluation", "grille"];
        string[] decisionWords = ["pricing", "free", "trial", "demo", "plans", "contract", "quote", "discount", "tarifs", "essai", "gratuit", "démo", "offres", "contrat", "devis", "remise"];
        string[] sharedWords = ["marketing", "content", "team", "sales", "customers", "software", "data", "growth", "contenu", "équipe", "ventes", "clients", "logiciel", "données", "croissance"];
        (string Stage, string[] Words, string[] Kinds, int Count)[] stages =
        [
            (Awareness, awarenessWords, ["blog-post", "how-to-guide", "white-paper", "video"], 16),
            (Consideration, considerationWords, ["comparison-benchmark", "webinar", "case-study"], 10),
            (Decision, decisionWords, ["pricing", "trial-cta", "demo-request", "testimonial"], 8),
        ];
        string[][] allStageWords = [awarenessWords, considerationWords, decisionWords];

        var random = new Random(20260127);
        var items = new List<ContentItem>();
        foreach (var (stage, words, kinds, count) in stages)
        {
            for (var i = 0; i < count; i++)
            {
                string Pick(string[] pool) => pool[random.Next(pool.Length)];
                var title = string.Join(' ', Pick(words), Pick(words), Pick(sharedWords));
                var body = new List<string>();
                for (var w = 0; w < 6; w++)
                {
                    body.Add(Pick(words));
                    body.Add(Pick(sharedWords));
                }

                body.Add(Pick(allStageWords[random.Next(allStageWords.Length)]));
                body.Add(Pick(allStageWords[random.Next(allStageWords.Length)]));
                items.Add(Item(i % 2 == 0 ? "en" : "fr", stage, kinds[random.Next(kinds.Length)], title, body: string.Join(' ', body)));
            }
        }

        return items;
    }
}
