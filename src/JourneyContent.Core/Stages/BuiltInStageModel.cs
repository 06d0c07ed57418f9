namespace JourneyContent.Stages;

/// <summary>The five-stage funnel and the content kinds the module ships with, labelled in English, French and German.</summary>
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
        Stage(Keys.Awareness, ("Awareness", "A need is recognised"), ("Découverte", "Un besoin est identifié"), ("Aufmerksamkeit", "Ein Bedarf wird erkannt"), ("Just exploring", "Je me renseigne", "Ich informiere mich erst")),
        Stage(Keys.Consideration, ("Consideration", "Solutions are compared"), ("Considération", "Les solutions sont comparées"), ("Abwägung", "Lösungen werden verglichen"), ("Comparing solutions", "Je compare des solutions", "Ich vergleiche Lösungen")),
        Stage(Keys.Decision, ("Decision", "A supplier is chosen"), ("Décision", "Un fournisseur est choisi"), ("Entscheidung", "Ein Anbieter wird gewählt"), ("Ready to choose", "Je suis prêt à choisir", "Ich bin bereit zu entscheiden")),
        Stage(Keys.Loyalty, ("Loyalty", "After the purchase"), ("Fidélisation", "Après l'achat"), ("Kundenbindung", "Nach dem Kauf"), ("Already a customer", "Je suis déjà client", "Ich bin bereits Kunde")),
        // A buyer never answers "I recommend you" to a project question: advocacy is inferred, not declared.
        Stage(Keys.Advocacy, ("Advocacy", "The customer recommends the brand"), ("Recommandation", "Le client recommande la marque"), ("Empfehlung", "Der Kunde empfiehlt die Marke"), null),
    ];

    /// <summary>The built-in content kinds as settings.</summary>
    public static IDictionary<string, ContentKindSettings> ContentKinds() =>
        new Dictionary<string, ContentKindSettings>(StringComparer.OrdinalIgnoreCase)
        {
            ["blog-post"] = Kind(Keys.Awareness, "Blog post", "Article de blog", "Blogartikel"),
            ["video"] = Kind(Keys.Awareness, "Video", "Vidéo", "Video"),
            ["how-to-guide"] = Kind(Keys.Awareness, "How-to guide", "Guide pratique", "Anleitung"),
            ["newsletter"] = Kind(Keys.Awareness, "Newsletter", "Newsletter", "Newsletter", cta: true),
            ["white-paper"] = Kind(Keys.Awareness, "White paper", "Livre blanc", "Whitepaper", cta: true),
            ["comparison-benchmark"] = Kind(Keys.Consideration, "Comparison benchmark", "Comparatif des solutions", "Lösungsvergleich", cta: true),
            ["webinar"] = Kind(Keys.Consideration, "Webinar", "Webinaire", "Webinar", cta: true),
            ["case-study"] = Kind(Keys.Consideration, "Case study", "Étude de cas", "Fallstudie"),
            ["testimonial"] = Kind(Keys.Decision, "Testimonial", "Témoignage", "Kundenstimme"),
            ["pricing"] = Kind(Keys.Decision, "Pricing", "Tarifs", "Preise", cta: true),
            ["trial-cta"] = Kind(Keys.Decision, "Free trial", "Essai gratuit", "Kostenloser Test", cta: true),
            ["demo-request"] = Kind(Keys.Decision, "Demo request", "Demande de démo", "Demo-Anfrage", cta: true),
            ["onboarding-guide"] = Kind(Keys.Loyalty, "Onboarding guide", "Guide de prise en main", "Einführungsleitfaden"),
            ["referral-program"] = Kind(Keys.Advocacy, "Referral programme", "Programme de parrainage", "Empfehlungsprogramm", cta: true),
            ["review-request"] = Kind(Keys.Advocacy, "Review request", "Demande d'avis", "Bewertungsanfrage", cta: true),
        };

    // English, French and German: the languages of the module's text catalogue, so that a site in any of them shows the
    // built-in funnel in its own words without configuring labels (a completeness test holds the two lists together).
    private static StageSettings Stage(string key, (string Label, string Description) en, (string Label, string Description) fr, (string Label, string Description) de, (string En, string Fr, string De)? answer) => new()
    {
        Key = key,
        Label = Texts(en.Label, fr.Label, de.Label),
        Description = Texts(en.Description, fr.Description, de.Description),
        ProjectAnswer = answer is { } a ? Texts(a.En, a.Fr, a.De) : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
    };

    private static ContentKindSettings Kind(string stage, string en, string fr, string de, bool cta = false) => new()
    {
        DefaultStage = stage,
        Label = Texts(en, fr, de),
        IsCallToAction = cta,
    };

    private static Dictionary<string, string> Texts(string en, string fr, string de) =>
        new(StringComparer.OrdinalIgnoreCase) { ["en"] = en, ["fr"] = fr, ["de"] = de };
}
