using System.Globalization;
using System.Text;
using JourneyContent.Stages;
using JourneyContent.Umbraco.DocumentTypes;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Strings;

namespace JourneyContent.Benchmarks.Umbraco;

/// <summary>
/// A published Umbraco site made of the hand-written fakes: three site roots, each with five sections of five folders
/// (non-journey pages, walked and skipped like real ones), holding <c>documents</c> journey documents. Every other
/// document is published in en-US and fr-FR, the rest in en-US only. Values are what Umbraco's value converters
/// deliver for the Journey composition's editors: strings (stage, kind, texts), string arrays (tags, checkbox list),
/// an <see cref="IHtmlEncodedString"/> rich-text body of 2–4 KB, a <see cref="Link"/> (single URL picker), picked
/// documents (pinned next), a media item (gated asset), a bool and a decimal. About 10 % have a call to action,
/// 20 % pinned next items, white papers and benchmarks a gated asset; no document is in error.
/// </summary>
internal sealed class SyntheticUmbracoSite
{
    public const string English = "en-US";
    public const string French = "fr-FR";

    private static readonly DateTime Epoch = new(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private static readonly (string En, string Fr, string Type, string[] Kinds)[] Sections =
    [
        ("blog", "blog", "blogPost", ["blog-post", "blog-post", "blog-post", "video", "newsletter"]),
        ("guides", "guides", "guidePage", ["how-to-guide", "how-to-guide", "onboarding-guide"]),
        ("resources", "ressources", "resourcePage", ["white-paper", "comparison-benchmark", "webinar"]),
        ("customers", "clients", "caseStudy", ["case-study", "case-study", "testimonial", "review-request", "referral-program"]),
        ("product", "produit", "landingPage", ["pricing", "trial-cta", "demo-request"]),
    ];

    private static readonly string[] Roots = ["corporate", "academy", "partners"];
    private static readonly string[] Folders = ["2022", "2023", "2024", "2025", "2026"];

    private static readonly string[] EnglishWords =
    [
        "marketing", "automation", "pipeline", "lead", "scoring", "content", "strategy", "funnel", "campaign", "nurturing",
        "analytics", "conversion", "pricing", "onboarding", "retention", "referral", "segment", "persona", "webinar", "playbook",
    ];

    private static readonly string[] FrenchWords =
    [
        "marketing", "automatisation", "pipeline", "prospect", "notation", "contenu", "stratégie", "tunnel", "campagne", "maturation",
        "analyse", "conversion", "tarifs", "intégration", "fidélisation", "parrainage", "segment", "persona", "webinaire", "méthode",
    ];

    private static readonly string[] Topics =
    [.. Enumerable.Range(0, 40).Select(n => (n % 4) switch
    {
        0 => $"Marketing-{n}",
        1 => $"automation-{n}",
        2 => $"SEO-{n}",
        _ => $"sales-enablement-{n}",
    })];

    private static readonly string[] EnglishParagraphs =
    [
        "Most B2B buyers complete well over half of their research before they ever talk to sales. That is why <strong>content mapped to each stage</strong> of the journey matters: a visitor who just discovered the problem needs a different page than one who is comparing vendors.",
        "Start with the questions your prospects actually ask. Interview your sales team, read support tickets and look at the search terms that bring people to your site. Group them by stage &amp; by persona, then look for gaps.",
        "A good <em>awareness</em> article teaches something useful without pitching. A good <em>consideration</em> page helps the reader compare options honestly, including the ones you do not sell. A good <em>decision</em> page removes the last objections: pricing, security, migration, support.",
        "Measure what happens next, not only page views. Did the reader move on to a deeper piece of content? Did they download the guide, register for the webinar or request a demo? Those transitions are what the funnel report shows, week after week.",
        "Keep each call to action relevant to the stage. Offering a free trial to someone who arrived five minutes ago from a search engine rarely works; offering a checklist or a newsletter often does, and it keeps the conversation going.",
    ];

    private static readonly string[] FrenchParagraphs =
    [
        "La plupart des acheteurs B2B effectuent bien plus de la moitié de leurs recherches avant de parler à un commercial. C'est pourquoi <strong>un contenu adapté à chaque étape</strong> du parcours compte&nbsp;: un visiteur qui découvre le problème n'a pas besoin de la même page qu'un visiteur qui compare les fournisseurs.",
        "Partez des questions que vos prospects posent réellement. Interrogez l'équipe commerciale, lisez les tickets du support et regardez les requêtes qui amènent les visiteurs sur votre site. Regroupez-les par étape &amp; par persona, puis repérez les manques.",
        "Un bon article de <em>découverte</em> apprend quelque chose d'utile sans vendre. Une bonne page de <em>considération</em> aide à comparer honnêtement les options. Une bonne page de <em>décision</em> lève les dernières objections&nbsp;: tarifs, sécurité, migration, support.",
        "Mesurez ce qui se passe ensuite, pas seulement les pages vues. Le lecteur est-il passé à un contenu plus approfondi&nbsp;? A-t-il téléchargé le guide, s'est-il inscrit au webinaire, a-t-il demandé une démo&nbsp;? Ces transitions sont ce que montre le rapport d'entonnoir.",
        "Gardez chaque appel à l'action adapté à l'étape. Proposer un essai gratuit à quelqu'un arrivé il y a cinq minutes depuis un moteur de recherche fonctionne rarement&nbsp;; proposer une liste de contrôle ou une lettre d'information fonctionne souvent.",
    ];

    private readonly List<Guid> _roots = [];
    private readonly Dictionary<Guid, Guid[]> _descendants = [];
    private readonly List<FakeDocument> _journeyDocuments = [];
    private int _nextId = 1000;

    public SyntheticUmbracoSite(int documents, StageModel stages, int seed = 17)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documents);
        ArgumentNullException.ThrowIfNull(stages);
        var random = new Random(seed);
        var home = new FakeContentType("home", PublishedItemType.Content);
        var listPage = new FakeContentType("listPage", PublishedItemType.Content);
        var folder = new FakeContentType("folder", PublishedItemType.Content);
        var journeyTypes = Sections.ToDictionary(s => s.Type, s => new FakeContentType(s.Type, PublishedItemType.Content, "seo", JourneyProperties.CompositionAlias));
        var mediaType = new FakeContentType("umbracoMediaArticle", PublishedItemType.Media);

        // The structure: roots, sections, folders (every one published in both cultures, none of them journey content).
        // Each root's descendants are listed depth first (section, its folders, each followed by its documents), as Umbraco's navigation does.
        var leaves = new List<(int Root, int Section, FakeDocument Folder, List<Guid> Below)>();
        var treeOrder = new List<List<(Guid Key, List<Guid>? Below)>>();
        for (var r = 0; r < Roots.Length; r++)
        {
            var root = Structure(home, Roots[r], $"/{Roots[r]}/", $"/fr/{Roots[r]}/", 1, "-1");
            _roots.Add(root.Key);
            Cache.Add(root);
            var descendants = new List<(Guid Key, List<Guid>? Below)>();
            treeOrder.Add(descendants);
            for (var s = 0; s < Sections.Length; s++)
            {
                var section = Structure(listPage, Sections[s].En, $"/{Roots[r]}/{Sections[s].En}/", $"/fr/{Roots[r]}/{Sections[s].Fr}/", 2, root.Path);
                Cache.Add(section);
                descendants.Add((section.Key, null));
                foreach (var year in Folders)
                {
                    var leaf = Structure(folder, year, $"/{Roots[r]}/{Sections[s].En}/{year}/", $"/fr/{Roots[r]}/{Sections[s].Fr}/{year}/", 3, section.Path);
                    Cache.Add(leaf);
                    var below = new List<Guid>();
                    descendants.Add((leaf.Key, below));
                    leaves.Add((r, s, leaf, below));
                }
            }
        }

        // The journey documents, spread over the folders.
        for (var i = 0; i < documents; i++)
        {
            var (r, s, parent, below) = leaves[random.Next(leaves.Count)];
            var section = Sections[s];
            var kindKey = section.Kinds[random.Next(section.Kinds.Length)];
            var kind = stages.FindKind(kindKey) ?? throw new InvalidOperationException($"The stage model has no kind '{kindKey}'.");
            var bilingual = i % 2 == 0;
            var updated = Epoch.AddMinutes(random.Next(4 * 365 * 24 * 60));
            var titleWords = Enumerable.Range(0, 3 + random.Next(4)).Select(_ => random.Next(EnglishWords.Length)).ToArray();
            var enTitle = Title(EnglishWords, titleWords, i);
            var enSlug = Slug(enTitle);
            var id = _nextId++;
            var document = new FakeDocument(NewKey(random), id, enTitle, enSlug, journeyTypes[section.Type], updated, 4, $"{parent.Path},{id}");
            document.PublishIn(English, enTitle, enSlug, updated, $"/{Roots[r]}/{section.En}/{parent.Name}/{enSlug}/");
            if (bilingual)
            {
                var frTitle = Title(FrenchWords, titleWords, i);
                var frSlug = Slug(frTitle);
                document.PublishIn(French, frTitle, frSlug, updated.AddHours(random.Next(72)), $"/fr/{Roots[r]}/{section.Fr}/{parent.Name}/{frSlug}/");
            }

            // Invariant properties (the composition's "variation": "nothing" ones).
            var exclude = random.Next(50) == 0;
            var boost = random.Next(10) == 0 ? decimal.Round((decimal)((random.NextDouble() * 2) - 1), 1) : 0m;
            document.With(JourneyProperties.ExcludeFromRecommendations, exclude, variesByCulture: false);
            document.With(JourneyProperties.Boost, boost, variesByCulture: false);
            document.With(JourneyProperties.PinnedNext, Array.Empty<IPublishedContent>(), variesByCulture: false);
            document.With(JourneyProperties.GatedAsset, null, variesByCulture: false);
            var gated = kind.Key is "white-paper" or "comparison-benchmark";
            if (gated)
            {
                var media = new FakeDocument(NewKey(random), _nextId++, $"{enTitle} (PDF)", enSlug + ".pdf", mediaType, updated, 2, "-1");
                media.PublishIn(string.Empty, media.Name, enSlug + ".pdf", updated, $"/media/{media.Key:N}/{enSlug}.pdf");
                document.With(JourneyProperties.GatedAsset, media, variesByCulture: false);
            }

            var stage = random.Next(30) == 0 ? null : (kind.DefaultStage ?? stages.First).Key;
            var secondary = random.Next(5) < 2
                ? stages.Stages.Where(_ => random.Next(3) == 0).Select(st => st.Key).Take(2).ToArray()
                : [];
            var topics = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Topics[random.Next(Topics.Length)]).ToArray();
            var hasSummary = random.Next(100) < 85;
            var hasCallToAction = random.Next(10) == 0;
            var ctaStages = stages.Stages.Skip(random.Next(stages.Stages.Count)).Take(1 + random.Next(2)).Select(st => st.Key).ToArray();
            var bodyLength = 2048 + random.Next(2048);
            var versions = new List<(string Culture, string[] Words, string[] Paragraphs, string Title, string LanguagePrefix)>
            {
                (English, EnglishWords, EnglishParagraphs, enTitle, string.Empty),
            };
            if (bilingual)
            {
                versions.Add((French, FrenchWords, FrenchParagraphs, Title(FrenchWords, titleWords, i), "/fr"));
            }

            foreach (var (culture, words, paragraphs, title, languagePrefix) in versions)
            {
                document.With(JourneyProperties.Stage, stage, culture);
                document.With(JourneyProperties.SecondaryStages, secondary, culture);
                document.With(JourneyProperties.Kind, kind.Key, culture);
                document.With(JourneyProperties.Topics, topics, culture);
                var summary = $"{title}: {string.Join(' ', Enumerable.Reverse(titleWords).Select(w => words[w]))}, {words[random.Next(words.Length)]} and {words[random.Next(words.Length)]} for teams that want {words[random.Next(words.Length)]} results.";
                document.With(JourneyProperties.Summary, hasSummary ? summary : null, culture);
                document.With("metaDescription", hasSummary || random.Next(2) == 0 ? summary : null, culture);
                document.With("bodyText", new HtmlEncodedString(Body(random, title, words, paragraphs, bodyLength, languagePrefix)), culture);
                document.With(JourneyProperties.Form, gated ? "download" : null, culture);
                document.With(JourneyProperties.CtaHeadline, hasCallToAction ? $"{title}: see it in action" : null, culture);
                document.With(JourneyProperties.CtaText, hasCallToAction ? "Book a 30-minute walkthrough with a product specialist." : null, culture);
                document.With(JourneyProperties.CtaButton, hasCallToAction ? "Book a demo" : null, culture);
                document.With(JourneyProperties.CtaLink, hasCallToAction ? new Link { Name = "Demo", Type = LinkType.Content, Url = $"{languagePrefix}/{Roots[r]}/product/demo/" } : null, culture);
                document.With(JourneyProperties.CtaStages, hasCallToAction ? ctaStages : [], culture);
            }

            Cache.Add(document);
            below.Add(document.Key);
            _journeyDocuments.Add(document);
        }

        // Pinned next items on a fifth of the documents: one to three other journey documents.
        foreach (var document in _journeyDocuments)
        {
            if (random.Next(5) == 0)
            {
                var pins = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (IPublishedContent)_journeyDocuments[random.Next(_journeyDocuments.Count)]).ToArray();
                document.With(JourneyProperties.PinnedNext, pins, variesByCulture: false);
            }
        }

        for (var r = 0; r < Roots.Length; r++)
        {
            _descendants[_roots[r]] = [.. treeOrder[r].SelectMany(node => (IEnumerable<Guid>)[node.Key, .. node.Below ?? []])];
        }

        Navigation = new FakeNavigation(_roots, _descendants);
        ExpectedItems = _journeyDocuments.Sum(d => d.Cultures.Count);
    }

    public FakeContentCache Cache { get; } = new();

    public FakeNavigation Navigation { get; }

    public FakeUrlProvider Urls { get; } = new();

    public FakeUmbracoContextFactory Contexts { get; } = new();

    /// <summary>The journey documents, in creation order.</summary>
    public IReadOnlyList<FakeDocument> JourneyDocuments => _journeyDocuments;

    /// <summary>How many items a rebuild gives: one per published culture of each journey document.</summary>
    public int ExpectedItems { get; }

    private static Guid NewKey(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Title(string[] words, int[] picks, int n)
    {
        var title = string.Join(' ', picks.Select(p => words[p]));
        return $"{char.ToUpperInvariant(title[0])}{title[1..]} {n.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Slug(string title) =>
        title.ToLowerInvariant().Replace(' ', '-').Replace('é', 'e').Replace('è', 'e').Replace('ô', 'o');

    private static string Body(Random random, string title, string[] words, string[] paragraphs, int length, string languagePrefix)
    {
        var html = new StringBuilder(length + 512);
        html.Append("<h2>").Append(title).Append("</h2>");
        var p = random.Next(paragraphs.Length);
        while (html.Length < length)
        {
            switch (random.Next(6))
            {
                case 0:
                    html.Append("<h3>").Append(words[random.Next(words.Length)]).Append(' ').Append(words[random.Next(words.Length)]).Append("</h3>");
                    break;
                case 1:
                    html.Append("<ul>");
                    for (var li = 0; li < 3; li++)
                    {
                        html.Append("<li>").Append(words[random.Next(words.Length)]).Append(" &amp; ").Append(words[random.Next(words.Length)]).Append("</li>");
                    }

                    html.Append("</ul>");
                    break;
                case 2:
                    html.Append("<p>").Append(paragraphs[p++ % paragraphs.Length])
                        .Append(" <a href=\"").Append(languagePrefix).Append("/academy/guides/2025/").Append(words[random.Next(words.Length)]).Append("/\">")
                        .Append(words[random.Next(words.Length)]).Append("</a>.</p>");
                    break;
                default:
                    html.Append("<p>").Append(paragraphs[p++ % paragraphs.Length]).Append("</p>");
                    break;
            }
        }

        return html.ToString();
    }

    private FakeDocument Structure(FakeContentType type, string name, string enUrl, string frUrl, int level, string parentPath)
    {
        var id = _nextId++;
        var document = new FakeDocument(new Guid(id, 0, 0, new byte[8]), id, name, name, type, Epoch, level, $"{parentPath},{id}");
        document.PublishIn(English, name, name, Epoch, enUrl);
        document.PublishIn(French, name, name, Epoch, frUrl);
        return document;
    }
}
