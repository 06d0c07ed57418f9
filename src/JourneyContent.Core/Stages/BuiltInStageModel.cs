namespace JourneyContent.Stages;

/// <summary>The five-stage funnel and the content kinds the module ships with.</summary>
public static class BuiltInStageModel
{
    /// <summary>Stage keys of the built-in funnel, in order.</summary>
    public static class Keys
    {
        /// <summary>A need is recognised.</summary>
        public const string Awareness = "awareness";

        /// <summary>Solutions are compared.</summary>
        public const string Consideration = "consideration";

        /// <summary>A supplier is chosen.</summary>
        public const string Decision = "decision";

        /// <summary>After the purchase.</summary>
        public const string Loyalty = "loyalty";

        /// <summary>The customer recommends the brand.</summary>
        public const string Advocacy = "advocacy";
    }

    /// <summary>Colours given, in order, to stages configured without one. Each passes WCAG AA with white text.</summary>
    internal static readonly string[] Palette = ["#1d4ed8", "#7c3aed", "#b45309", "#047857", "#be123c", "#0e7490", "#4d7c0f", "#a21caf"];

    /// <summary>The built-in stages as settings.</summary>
    public static IList<StageSettings> Stages() =>
    [
        Stage(Keys.Awareness, "Awareness", "Découverte", "A need is recognised", "Un besoin est identifié"),
        Stage(Keys.Consideration, "Consideration", "Considération", "Solutions are compared", "Les solutions sont comparées"),
        Stage(Keys.Decision, "Decision", "Décision", "A supplier is chosen", "Un fournisseur est choisi"),
        Stage(Keys.Loyalty, "Loyalty", "Fidélisation", "After the purchase", "Après l'achat"),
        Stage(Keys.Advocacy, "Advocacy", "Recommandation", "The customer recommends the brand", "Le client recommande la marque"),
    ];

    /// <summary>The built-in content kinds as settings.</summary>
    public static IDictionary<string, ContentKindSettings> ContentKinds() =>
        new Dictionary<string, ContentKindSettings>(StringComparer.OrdinalIgnoreCase)
        {
            ["blog-post"] = Kind(Keys.Awareness, "Blog post", "Article de blog"),
            ["video"] = Kind(Keys.Awareness, "Video", "Vidéo"),
            ["how-to-guide"] = Kind(Keys.Awareness, "How-to guide", "Guide pratique"),
            ["newsletter"] = Kind(Keys.Awareness, "Newsletter", "Newsletter", cta: true),
            ["white-paper"] = Kind(Keys.Awareness, "White paper", "Livre blanc", cta: true),
            ["comparison-benchmark"] = Kind(Keys.Consideration, "Comparison benchmark", "Comparatif des solutions", cta: true),
            ["webinar"] = Kind(Keys.Consideration, "Webinar", "Webinaire", cta: true),
            ["case-study"] = Kind(Keys.Consideration, "Case study", "Étude de cas"),
            ["testimonial"] = Kind(Keys.Decision, "Testimonial", "Témoignage"),
            ["pricing"] = Kind(Keys.Decision, "Pricing", "Tarifs", cta: true),
            ["trial-cta"] = Kind(Keys.Decision, "Free trial", "Essai gratuit", cta: true),
            ["demo-request"] = Kind(Keys.Decision, "Demo request", "Demande de démo", cta: true),
            ["onboarding-guide"] = Kind(Keys.Loyalty, "Onboarding guide", "Guide de prise en main"),
            ["referral-program"] = Kind(Keys.Advocacy, "Referral programme", "Programme de parrainage", cta: true),
            ["review-request"] = Kind(Keys.Advocacy, "Review request", "Demande d'avis", cta: true),
        };

    private static StageSettings Stage(string key, string en, string fr, string descriptionEn, string descriptionFr) => new()
    {
        Key = key,
        Label = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en"] = en, ["fr"] = fr },
        Description = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en"] = descriptionEn, ["fr"] = descriptionFr },
    };

    private static ContentKindSettings Kind(string stage, string en, string fr, bool cta = false) => new()
    {
        DefaultStage = stage,
        Label = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en"] = en, ["fr"] = fr },
        IsCallToAction = cta,
    };
}
