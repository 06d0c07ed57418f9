using JourneyContent.Content;
using JourneyContent.Stages;
using JourneyContent.Umbraco.Content;
using JourneyContent.Umbraco.DocumentTypes;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Strings;

namespace JourneyContent.Umbraco.Tests.Content;

public sealed class PublishedContentMapperTests
{
    private readonly FakePublishedSite _site = new();
    private readonly List<ContentLoadError> _errors = [];

    [Fact]
    public void Every_journey_property_is_mapped_from_the_values_umbraco_converters_deliver()
    {
        var pricing = _site.Publish(new FakeDocument("Pricing"), "/en/pricing/");
        var demo = _site.Publish(new FakeDocument("Book a demo"), "/en/book-a-demo/");
        var guide = _site.Media("Buyer's guide PDF", "/media/k2lb/buyers-guide.pdf");
        var document = _site.Publish(new FakeDocument("The buyer's guide"), "/en/resources/the-buyers-guide/")
            .With(JourneyProperties.Stage, "Consideration")
            .With(JourneyProperties.SecondaryStages, new[] { "awareness", "consideration", "decision" })
            .With(JourneyProperties.Kind, "white-paper")
            .With(JourneyProperties.Topics, new[] { "Inbound Marketing", "CRM", "crm" })
            .With(JourneyProperties.Summary, "  How to choose a marketing platform.  ")
            .With(JourneyProperties.GatedAsset, guide)
            .With(JourneyProperties.Form, "whitepaper")
            .With(JourneyProperties.CtaHeadline, "See it on your data")
            .With(JourneyProperties.CtaText, "A 30-minute demo.")
            .With(JourneyProperties.CtaButton, "Book a demo")
            .With(JourneyProperties.CtaLink, new Link { Name = "Demo", Url = "/en/book-a-demo/", Type = LinkType.Content })
            .With(JourneyProperties.CtaStages, new[] { "decision", "Consideration" })
            .With(JourneyProperties.PinnedNext, new[] { pricing.Content, demo.Content })
            .With(JourneyProperties.ExcludeFromRecommendations, true)
            .With(JourneyProperties.Boost, 1.7m)
            .With("bodyText", new HtmlEncodedString("<h2>Why</h2><p>Pick a tool &amp; a plan.</p><script>track()</script>"));

        var item = Map(document, string.Empty, "en");

        Assert.NotNull(item);
        var clamped = Assert.Single(_errors);
        Assert.Equal((JourneyProperties.Boost, ContentProblemCodes.BoostOutOfRange, true), (clamped.Field, clamped.Code, clamped.IsWarning));
        Assert.Equal($"{document.Key:D}:en", item.Id);
        Assert.Equal(document.Key.ToString("D"), item.TranslationKey);
        Assert.Equal("the-buyers-guide", item.Slug);
        Assert.Equal("/en/resources/the-buyers-guide/", item.Url);
        Assert.Equal("The buyer's guide", item.Title);
        Assert.Equal("en", item.Language);
        Assert.Equal("consideration", item.Stage);
        Assert.Equal([("awareness", 0.5), ("decision", 0.5)], item.SecondaryStages.Select(s => (s.Stage, s.Weight)));
        Assert.Equal("white-paper", item.Kind);
        Assert.Equal(["inbound marketing", "crm"], item.Topics);
        Assert.Equal("How to choose a marketing platform.", item.Summary);
        Assert.Equal("/media/k2lb/buyers-guide.pdf", item.GatedAsset);
        Assert.Equal("whitepaper", item.Form?.Name);
        Assert.Equal([$"{pricing.Key:D}:en", $"{demo.Key:D}:en"], item.PinnedNext);
        Assert.True(item.ExcludedFromRecommendations);
        Assert.Equal(1, item.Boost);
        Assert.NotNull(item.CallToAction);
        Assert.Equal("See it on your data", item.CallToAction.Headline);
        Assert.Equal("A 30-minute demo.", item.CallToAction.Text);
        Assert.Equal("Book a demo", item.CallToAction.Button);
        Assert.Equal("/en/book-a-demo/", item.CallToAction.Url);
        Assert.Equal(["decision", "consideration"], item.CallToAction.Stages);
        Assert.Empty(item.BodyHtml);
        Assert.Equal("Why Pick a tool & a plan.", item.BodyText);
        Assert.Equal($"umbraco://document/{document.Key:D}", item.Source);
        Assert.Equal(FakeDocument.Updated.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Version);
    }

    [Fact]
    public void An_unknown_stage_leaves_the_item_untagged_with_an_error_naming_the_document()
    {
        var document = _site.Publish(new FakeDocument("Old guide"), "/en/old-guide/")
            .With(JourneyProperties.Stage, "purchase");

        var item = Map(document, string.Empty, "en");

        Assert.NotNull(item);
        Assert.Null(item.Stage);
        Assert.True(item.IsUntagged);
        var error = Assert.Single(_errors);
        Assert.Equal(JourneyProperties.Stage, error.Field);
        Assert.Equal($"Old guide ({document.Key:D})", error.Source);
        Assert.Contains("'purchase'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_a_url_is_not_an_item_but_an_error()
    {
        var document = _site.Publish(new FakeDocument("Orphan"), "#")
            .With(JourneyProperties.Stage, "awareness");

        var item = Map(document, string.Empty, "en");

        Assert.Null(item);
        var error = Assert.Single(_errors);
        Assert.Contains(document.Key.ToString("D"), error.Source, StringComparison.Ordinal);
        Assert.Contains("no URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_culture_reads_its_own_values_name_and_date()
    {
        var document = new FakeDocument("Guide", cultures: ["en-US", "fr-FR"])
            .Named("fr-FR", "Le guide", "le-guide")
            .With(JourneyProperties.Stage, "awareness", "en-US")
            .With(JourneyProperties.Stage, "decision", "fr-FR")
            .With(JourneyProperties.Summary, "Résumé", "fr-FR");
        _site.Publish(document, "/fr/le-guide/", "fr-FR");

        var item = Map(document, "fr-FR", "fr");

        Assert.NotNull(item);
        Assert.Equal($"{document.Key:D}:fr", item.Id);
        Assert.Equal("Le guide", item.Title);
        Assert.Equal("le-guide", item.Slug);
        Assert.Equal("decision", item.Stage);
        Assert.Equal("Résumé", item.Summary);
        Assert.Equal(DateOnly.FromDateTime(FakeDocument.Updated), item.Date);
    }

    [Fact]
    public void Without_a_summary_the_first_configured_fallback_property_with_text_is_used()
    {
        var document = _site.Publish(new FakeDocument("Checklist"), "/en/checklist/")
            .With(JourneyProperties.Summary, "   ")
            .With("metaDescription", null)
            .With("description", new HtmlEncodedString("<p>Ten points to check.</p>"));

        Assert.Equal("Ten points to check.", Map(document, string.Empty, "en")?.Summary);
    }

    [Fact]
    public void Body_properties_are_configurable_and_the_first_with_text_wins()
    {
        var document = _site.Publish(new FakeDocument("Story"), "/en/story/")
            .With("bodyText", new HtmlEncodedString("<p>Default body</p>"))
            .With("articleBody", new HtmlEncodedString("<p>Configured <em>body</em></p>"));
        var mapper = new PublishedContentMapper(StageModel.Default, _site.Urls, Options.Create(new UmbracoContentOptions { BodyProperties = ["missing", "articleBody"] }));

        var item = mapper.Map(document.Content, string.Empty, "en", _errors);

        Assert.Equal("Configured body", item?.BodyText);
    }

    [Fact]
    public void An_empty_kind_falls_back_to_article_and_an_unknown_kind_too_with_an_error()
    {
        var model = StageModel.Create(new StageModelSettings
        {
            ContentKinds = new Dictionary<string, ContentKindSettings> { ["article"] = new() { DefaultStage = "awareness" } },
        });
        var mapper = new PublishedContentMapper(model, _site.Urls, Options.Create(new UmbracoContentOptions()));
        var plain = _site.Publish(new FakeDocument("Plain"), "/en/plain/");
        var odd = _site.Publish(new FakeDocument("Odd"), "/en/odd/").With(JourneyProperties.Kind, "podcast");

        Assert.Equal("article", mapper.Map(plain.Content, string.Empty, "en", _errors)?.Kind);
        Assert.Empty(_errors);
        Assert.Equal("article", mapper.Map(odd.Content, string.Empty, "en", _errors)?.Kind);
        Assert.Equal(JourneyProperties.Kind, Assert.Single(_errors).Field);
    }

    [Fact]
    public void Without_an_article_kind_the_fallback_is_the_models_first_kind()
    {
        var document = _site.Publish(new FakeDocument("Plain"), "/en/plain/");

        Assert.Equal(StageModel.Default.Kinds[0].Key, Map(document, string.Empty, "en")?.Kind);
    }

    [Fact]
    public void The_call_to_action_is_null_when_headline_text_button_and_link_are_empty()
    {
        var document = _site.Publish(new FakeDocument("Quiet"), "/en/quiet/")
            .With(JourneyProperties.CtaHeadline, string.Empty)
            .With(JourneyProperties.CtaLink, Array.Empty<Link>())
            .With(JourneyProperties.CtaStages, new[] { "decision" });

        Assert.Null(Map(document, string.Empty, "en")?.CallToAction);
    }

    [Fact]
    public void Values_stored_as_text_are_read_too()
    {
        var pinned = Guid.NewGuid();
        var document = _site.Publish(new FakeDocument("Text values"), "/en/text-values/")
            .With(JourneyProperties.SecondaryStages, "[\"decision\",\"loyalty\"]")
            .With(JourneyProperties.Topics, "crm, Email")
            .With(JourneyProperties.PinnedNext, $"umb://document/{pinned:N}")
            .With(JourneyProperties.ExcludeFromRecommendations, "1")
            .With(JourneyProperties.Boost, -3)
            .With(JourneyProperties.GatedAsset, "/media/files/checklist.pdf");

        var item = Map(document, string.Empty, "en");

        Assert.NotNull(item);
        Assert.Equal(["decision", "loyalty"], item.SecondaryStages.Select(s => s.Stage));
        Assert.Equal(["crm", "email"], item.Topics);
        Assert.Equal([$"{pinned:D}:en"], item.PinnedNext);
        Assert.True(item.ExcludedFromRecommendations);
        Assert.Equal(-1, item.Boost);
        Assert.Equal("/media/files/checklist.pdf", item.GatedAsset);
    }

    [Fact]
    public void A_media_item_without_a_file_is_no_gated_asset_but_an_error()
    {
        var empty = _site.Media("Empty media", string.Empty);
        var document = _site.Publish(new FakeDocument("Gated"), "/en/gated/").With(JourneyProperties.GatedAsset, new[] { empty });

        var item = Map(document, string.Empty, "en");

        Assert.NotNull(item);
        Assert.False(item.IsGated);
        Assert.Equal(JourneyProperties.GatedAsset, Assert.Single(_errors).Field);
    }

    [Fact]
    public void An_unsafe_call_to_action_link_is_reported_with_the_document_culture_and_property_and_left_out()
    {
        var document = new FakeDocument("Guide", cultures: ["en-US"])
            .With(JourneyProperties.Stage, "decision")
            .With(JourneyProperties.CtaHeadline, "Talk to us")
            .With(JourneyProperties.CtaLink, new Link { Name = "Evil", Url = "/\t/evil.example", Type = LinkType.External });
        _site.Publish(document, "/en/guide/", "en-US");

        var item = Map(document, "en-US", "en");

        Assert.NotNull(item?.CallToAction);
        Assert.Null(item.CallToAction.Url);
        var error = Assert.Single(_errors);
        Assert.Equal(($"Guide ({document.Key:D}, en-US)", JourneyProperties.CtaLink, ContentProblemCodes.CtaUrlUnsafe, false),
            (error.Source, error.Field, error.Code, error.IsWarning));
    }

    [Fact]
    public void An_exclusion_flag_that_is_neither_true_nor_false_is_reported()
    {
        var document = _site.Publish(new FakeDocument("Maybe"), "/en/maybe/").With(JourneyProperties.ExcludeFromRecommendations, "perhaps");

        Assert.False(Map(document, string.Empty, "en")?.ExcludedFromRecommendations);
        Assert.Equal((JourneyProperties.ExcludeFromRecommendations, ContentProblemCodes.ExclusionInvalid), (Assert.Single(_errors).Field, _errors[0].Code));
    }

    private ContentItem? Map(FakeDocument document, string culture, string language)
    {
        var mapper = new PublishedContentMapper(StageModel.Default, _site.Urls, Options.Create(new UmbracoContentOptions()));
        return mapper.Map(document.Content, culture, language, _errors);
    }
}
