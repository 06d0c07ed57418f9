using JourneyContent.Content;
using JourneyContent.Markdown;
using JourneyContent.Stages;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Umbraco.Cms.Core.Models;

namespace JourneyContent.Umbraco.Tests.Content;

/// <summary>
/// The same values written in a markdown file and in an Umbraco document give the same item and the same problem
/// codes: one set of rules (<see cref="ContentItemBuilder"/>) judges both sources.
/// </summary>
/// <remarks>
/// The markdown side is a real file in a real folder read by <see cref="MarkdownContentSource"/>; the Umbraco side is a
/// <see cref="FakeDocument"/> (the published content as Umbraco's value converters deliver it) read by
/// <see cref="PublishedContentMapper"/>. A markdown file with an error is not loaded, an Umbraco document stays listed:
/// items are compared only when neither side has an error.
/// </remarks>
public sealed class ContentRulesAcrossSourcesTests
{
    /// <param name="FrontMatter">Front-matter lines added to a file that has a title, kind blog-post and stage consideration.</param>
    /// <param name="Properties">The same values on a document of kind blog-post and stage consideration.</param>
    /// <param name="Codes">The problem codes both sources report, in order.</param>
    private sealed record Case(string FrontMatter, Action<FakeDocument> Properties, params string[] Codes);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["valid values"] = new(
            "topics: [CRM, crm, Email]\nboost: 0.5\ncta:\n  headline: Book a demo\n  url: https://example.com/demo\n  stages: [decision, decision]\n",
            d => d.With(JourneyProperties.Topics, new[] { "CRM", "crm", "Email" }).With(JourneyProperties.Boost, 0.5m)
                .With(JourneyProperties.CtaHeadline, "Book a demo").With(JourneyProperties.CtaLink, UrlPicker("https://example.com/demo"))
                .With(JourneyProperties.CtaStages, new[] { "decision", "decision" })),
        ["boost above one"] = new("boost: 3\n", d => d.With(JourneyProperties.Boost, 3), ContentProblemCodes.BoostOutOfRange),
        ["boost below minus one"] = new("boost: -7.5\n", d => d.With(JourneyProperties.Boost, -7.5m), ContentProblemCodes.BoostOutOfRange),
        ["boost not a number"] = new("boost: lots\n", d => d.With(JourneyProperties.Boost, "lots"), ContentProblemCodes.BoostInvalid),
        ["repeated secondary stages"] = new(
            "secondary_stages:\n  - stage: decision\n  - stage: Decision\n  - stage: consideration\n",
            d => d.With(JourneyProperties.SecondaryStages, new[] { "decision", "Decision", "consideration" })),
        ["unknown secondary stage"] = new(
            "secondary_stages:\n  - stage: nowhere\n",
            d => d.With(JourneyProperties.SecondaryStages, new[] { "nowhere" }), ContentProblemCodes.SecondaryStageUnknown),
        ["unknown stage"] = new("stage: purchase\n", d => d.With(JourneyProperties.Stage, "purchase"), ContentProblemCodes.StageUnknown),
        ["unknown kind"] = new("kind: podcast\n", d => d.With(JourneyProperties.Kind, "podcast"), ContentProblemCodes.KindUnknown),
        ["javascript call to action"] = new(
            "cta:\n  headline: H\n  url: \"JavaScript:alert(1)\"\n",
            d => d.With(JourneyProperties.CtaHeadline, "H").With(JourneyProperties.CtaLink, UrlPicker("JavaScript:alert(1)")),
            ContentProblemCodes.CtaUrlUnsafe),
        ["call to action with a tab browsers drop"] = new(
            "cta:\n  headline: H\n  url: \"/\\t/evil.example\"\n",
            d => d.With(JourneyProperties.CtaHeadline, "H").With(JourneyProperties.CtaLink, UrlPicker("/\t/evil.example")),
            ContentProblemCodes.CtaUrlUnsafe),
        ["protocol-relative call to action"] = new(
            "cta:\n  headline: H\n  url: //evil.example\n",
            d => d.With(JourneyProperties.CtaHeadline, "H").With(JourneyProperties.CtaLink, UrlPicker("//evil.example")),
            ContentProblemCodes.CtaUrlUnsafe),
        ["mailto call to action"] = new(
            "cta:\n  button: Write to us\n  url: mailto:sales@example.com\n",
            d => d.With(JourneyProperties.CtaButton, "Write to us").With(JourneyProperties.CtaLink, UrlPicker("mailto:sales@example.com"))),
        ["unknown call to action stage"] = new(
            "cta:\n  headline: H\n  stages: [decision, later]\n",
            d => d.With(JourneyProperties.CtaHeadline, "H").With(JourneyProperties.CtaStages, new[] { "decision", "later" }),
            ContentProblemCodes.CtaStageUnknown),
        ["call to action stages alone"] = new(
            "cta:\n  stages: [decision]\n",
            d => d.With(JourneyProperties.CtaStages, new[] { "decision" })),
        ["exclusion flag neither true nor false"] = new(
            "recommend: maybe\n", d => d.With(JourneyProperties.ExcludeFromRecommendations, "maybe"), ContentProblemCodes.ExclusionInvalid),
        ["kept out of recommendations"] = new("recommend: no\n", d => d.With(JourneyProperties.ExcludeFromRecommendations, true)),
        ["form by name"] = new("form: benchmark\n", d => d.With(JourneyProperties.Form, "benchmark")),
        ["form name that names no form"] = new("form: White Paper\n", d => d.With(JourneyProperties.Form, "White Paper"), ContentProblemCodes.FormNameInvalid),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Both_sources_give_the_same_problem_codes_and_the_same_item(string name)
    {
        var @case = Cases[name];

        var (markdownItem, markdownCodes) = ReadMarkdown(@case.FrontMatter);
        var (umbracoItem, umbracoCodes) = ReadUmbraco(@case.Properties);

        Assert.Equal(@case.Codes, markdownCodes);
        Assert.Equal(@case.Codes, umbracoCodes);
        Assert.NotNull(umbracoItem);
        if (@case.Codes.All(c => c == ContentProblemCodes.BoostOutOfRange))
        {
            Assert.NotNull(markdownItem);
            Assert.Equal(JourneyValues(markdownItem), JourneyValues(umbracoItem));
        }
        else
        {
            Assert.Null(markdownItem);
        }
    }

    private static Link UrlPicker(string url) => new() { Name = "Link", Url = url, Type = LinkType.External };

    /// <summary>The values the rules decide, written out so that a difference shows in the assertion's message.</summary>
    private static string JourneyValues(ContentItem item) => string.Join(" | ",
        $"stage={item.Stage}",
        $"secondary={string.Join(",", item.SecondaryStages.Select(s => $"{s.Stage}:{s.Weight}"))}",
        $"kind={item.Kind}",
        $"topics={string.Join(",", item.Topics)}",
        $"boost={item.Boost}",
        $"excluded={item.ExcludedFromRecommendations}",
        $"form={item.Form?.Name}",
        item.CallToAction is { } cta
            ? $"cta={cta.Headline}/{cta.Text}/{cta.Button}/{cta.Url}/{string.Join(",", cta.Stages)}/{cta.AllStages}"
            : "cta=none");

    private static (ContentItem? Item, string?[] Codes) ReadMarkdown(string frontMatter)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jc-rules-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(folder, "en"));
        try
        {
            var kind = frontMatter.StartsWith("kind:", StringComparison.Ordinal) ? string.Empty : "kind: blog-post\n";
            var stage = frontMatter.StartsWith("stage:", StringComparison.Ordinal) ? string.Empty : "stage: consideration\n";
            System.IO.File.WriteAllText(Path.Combine(folder, "en", "page.md"), $"---\ntitle: Page\n{kind}{stage}{frontMatter}---\nBody.\n");
            using var source = new MarkdownContentSource(
                Options.Create(new MarkdownContentOptions { ContentPath = folder, WatchForChanges = false }),
                StageModel.Default,
                new MarkdownRenderer(),
                new FakeTimeProvider(),
                NullLogger<MarkdownContentSource>.Instance);
            return (source.Current.Items.SingleOrDefault(), [.. source.Current.Errors.Select(e => e.Code)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (ContentItem? Item, string?[] Codes) ReadUmbraco(Action<FakeDocument> properties)
    {
        var site = new FakePublishedSite();
        var document = site.Publish(new FakeDocument("Page"), "/en/page/")
            .With(JourneyProperties.Kind, "blog-post")
            .With(JourneyProperties.Stage, "consideration");
        properties(document);
        var errors = new List<ContentLoadError>();
        var item = new PublishedContentMapper(StageModel.Default, site.Urls, Options.Create(new UmbracoContentOptions()))
            .Map(document.Content, string.Empty, "en", errors);
        return (item, [.. errors.Select(e => e.Code)]);
    }
}
