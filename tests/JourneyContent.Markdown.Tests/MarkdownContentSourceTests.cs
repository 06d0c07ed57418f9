using JourneyContent.Content;
using JourneyContent.Markdown.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using YamlDotNet.RepresentationModel;

namespace JourneyContent.Markdown.Tests;

public sealed class MarkdownContentSourceTests
{
    [Fact]
    public void A_valid_file_maps_every_front_matter_field()
    {
        using var folder = new ContentFolder();
        folder.Write("assets/guide.pdf", "%PDF-1.4");
        var text = """
            ---
            title: "  Inbound marketing: the complete guide "
            slug: inbound-guide
            kind: White-Paper
            stage: Awareness
            secondary_stages:
              - stage: consideration
                weight: 0.4
              - stage: decision
            topics: [" Inbound-Marketing", lead-scoring, inbound-marketing]
            language: en
            summary: "Everything in one place."
            date: 2026-03-14
            gated_asset: ./assets/guide.pdf
            translation_key: inbound-guide
            future_field: ignored
            ---
            ## What is inside

            A [link](/en/other).
            """;
        folder.Write("en/guide.md", text);

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.Empty(source.Current.Errors);
        Assert.Equal("en/inbound-guide", item.Id);
        Assert.Equal("inbound-guide", item.Slug);
        Assert.Equal("en", item.Language);
        Assert.Equal("/en/inbound-guide", item.Url);
        Assert.Equal("Inbound marketing: the complete guide", item.Title);
        Assert.Equal("white-paper", item.Kind);
        Assert.Equal("awareness", item.Stage);
        Assert.Equal([new("consideration", 0.4), new("decision", 0.5)], item.SecondaryStages);
        Assert.Equal(["inbound-marketing", "lead-scoring"], item.Topics);
        Assert.Equal("Everything in one place.", item.Summary);
        Assert.Equal(new DateOnly(2026, 3, 14), item.Date);
        Assert.Equal("assets/guide.pdf", item.GatedAsset);
        Assert.Equal("inbound-guide", item.TranslationKey);
        Assert.Equal("en/guide.md", item.Source);
        Assert.Equal("<h2 id=\"what-is-inside\">What is inside</h2>\n<p>A <a href=\"/en/other\">link</a>.</p>", item.BodyHtml.Trim());
        Assert.Equal("What is inside A link.", item.BodyText);
        Assert.Equal(ContentFileVersion.Of(text), item.Version);
    }

    [Fact]
    public void Recommendation_and_call_to_action_settings_are_read_from_front_matter()
    {
        using var folder = new ContentFolder();
        folder.Write("en/onboarding.md", ContentFolder.Item(kind: "onboarding-guide", extra: """
            stage: loyalty
            next: [pricing, start-your-free-trial, pricing]
            recommend: no
            boost: -0.5
            cta:
              headline: "Upgrade to Scale"
              text: "More contacts, more seats."
              button: Upgrade
              url: /en/pricing
              stages: [loyalty, advocacy]
              all_stages: false

            """));

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.Equal(["en/pricing", "en/start-your-free-trial"], item.PinnedNext);
        Assert.True(item.ExcludedFromRecommendations);
        Assert.Equal(-0.5, item.Boost);
        Assert.Equal(
            new CallToActionBlock { Headline = "Upgrade to Scale", Text = "More contacts, more seats.", Button = "Upgrade", Url = "/en/pricing", Stages = item.CallToAction!.Stages, AllStages = false },
            item.CallToAction);
        Assert.Equal(["loyalty", "advocacy"], item.CallToAction.Stages);
    }

    [Theory]
    [InlineData("form: benchmark\n", "benchmark", "", "")]
    [InlineData("form:\n  fields: [first_name, company, job-title]\n  required: [company]\n", null, "first_name,company,job_title", "company")]
    public void A_gated_form_is_named_or_described_in_front_matter(string yaml, string? name, string fields, string required)
    {
        using var folder = new ContentFolder();
        folder.Write("en/paper.md", ContentFolder.Item(kind: "white-paper", extra: yaml));

        using var source = folder.Open();
        var form = Assert.Single(source.Current.Items).Form;

        Assert.NotNull(form);
        Assert.Equal((name, fields, required), (form.Name, string.Join(',', form.Fields), string.Join(',', form.Required)));
    }

    [Fact]
    public void Items_are_recommended_without_boost_or_pins_by_default()
    {
        using var folder = new ContentFolder();
        folder.Write("en/post.md", ContentFolder.Item());

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.False(item.ExcludedFromRecommendations);
        Assert.Equal(0, item.Boost);
        Assert.Empty(item.PinnedNext);
        Assert.Null(item.CallToAction);
    }

    [Fact]
    public void Optional_fields_default_to_the_file_name_the_folder_language_and_untagged()
    {
        using var folder = new ContentFolder();
        folder.Write("fr/Mon-Article.md", ContentFolder.Item());

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.Equal("fr/mon-article", item.Id);
        Assert.Equal("fr", item.Language);
        Assert.Null(item.Stage);
        Assert.Empty(item.SecondaryStages);
        Assert.Empty(item.Topics);
        Assert.Null(item.Summary);
        Assert.Null(item.Date);
        Assert.Null(item.GatedAsset);
        Assert.Null(item.TranslationKey);
    }

    [Fact]
    public void Files_in_subfolders_at_any_depth_are_content_and_other_files_are_not()
    {
        using var folder = new ContentFolder();
        folder.Write("en/blog/2026/03/deep.md", ContentFolder.Item("Deep"));
        folder.Write("fr/top.MD", ContentFolder.Item("Haut"));
        folder.Write("en/notes.txt", ContentFolder.Item("Not content"));
        folder.Write("assets/readme.pdf", "%PDF-1.4");
        folder.Write("en/.#deep.md", "an editor's lock file");
        folder.Write(".git/info.md", "not content either");

        using var source = folder.Open();

        Assert.Empty(source.Current.Errors);
        Assert.Equal(["en/blog/2026/03/deep.md", "fr/top.MD"], source.Current.Items.Select(i => i.Source));
        Assert.Equal("en/deep", source.Current.Items[0].Id);
    }

    [Fact]
    public void A_language_declared_in_the_file_places_it_when_its_folder_is_not_a_language()
    {
        using var folder = new ContentFolder();
        folder.Write("landing/offer.md", ContentFolder.Item(extra: "language: FR\n"));

        using var source = folder.Open();

        Assert.Equal("/fr/offer", Assert.Single(source.Current.Items).Url);
    }

    [Fact]
    public void A_broken_file_does_not_stop_the_other_files_from_loading()
    {
        using var folder = new ContentFolder();
        folder.Write("en/a.md", ContentFolder.Item("A"));
        folder.Write("en/b.md", "---\ntitle: [broken\n---\n");
        folder.Write("en/c.md", ContentFolder.Item("C"));

        using var source = folder.Open();

        Assert.Equal(["a", "c"], source.Current.Items.Select(i => i.Slug).Order());
        Assert.Equal("en/b.md", Assert.Single(source.Current.Errors).Source);
    }

    [Fact]
    public void Errors_are_listed_in_ordinal_order_of_the_file_path()
    {
        using var folder = new ContentFolder();
        folder.Write("en/b.md", "no front matter");
        folder.Write("en/a.md", "no front matter");
        folder.Write("en/C.md", "no front matter");

        using var source = folder.Open();

        // Ordinal: upper-case letters sort before lower-case ones, whatever the machine's culture.
        Assert.Equal(["en/C.md", "en/a.md", "en/b.md"], source.Current.Errors.Select(e => e.Source));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Duplicate_slugs_report_both_files_and_keep_the_one_whose_path_sorts_first(bool createTheKeeperFirst)
    {
        using var folder = new ContentFolder();
        // "en/Zeta" sorts before "en/alpha" in ordinal order (but not in a culture-aware one).
        var files = new[] { ("en/Zeta.md", "Kept"), ("en/alpha.md", "Skipped") };
        foreach (var (path, title) in createTheKeeperFirst ? files : files.Reverse())
        {
            folder.Write(path, ContentFolder.Item(title, extra: "slug: same\n"));
        }

        folder.Write("fr/same.md", ContentFolder.Item("Même slug, autre langue"));

        using var source = folder.Open();

        Assert.Equal("Kept", source.Current.Find("en", "same")!.Title);
        Assert.NotNull(source.Current.Find("fr", "same"));
        Assert.Equal(2, source.Current.Items.Count);
        Assert.Collection(
            source.Current.Errors,
            kept =>
            {
                Assert.Equal(("en/Zeta.md", 4, "slug"), (kept.Source, kept.Line ?? 0, kept.Field));
                Assert.Contains("also used by en/alpha.md; this file is kept", kept.Message, StringComparison.Ordinal);
            },
            skipped =>
            {
                Assert.Equal(("en/alpha.md", 4, "slug"), (skipped.Source, skipped.Line ?? 0, skipped.Field));
                Assert.Contains("already used by en/Zeta.md; this file is skipped", skipped.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void A_slug_claimed_by_three_files_names_every_other_file_in_the_kept_files_error()
    {
        using var folder = new ContentFolder();
        folder.Write("en/same.md", ContentFolder.Item("First"));
        folder.Write("en/x/same.md", ContentFolder.Item("Second"));
        folder.Write("en/y/other.md", ContentFolder.Item("Third", extra: "slug: same\n"));

        using var source = folder.Open();

        Assert.Equal("First", Assert.Single(source.Current.Items).Title);
        Assert.Equal(3, source.Current.Errors.Count);
        Assert.Contains("also used by en/x/same.md, en/y/other.md", source.Current.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangerous_markup_in_a_file_never_reaches_the_items_html()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item(body: "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>"));

        using var source = folder.Open();
        var html = Assert.Single(source.Current.Items).BodyHtml;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img src=\"x\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_is_stamped_with_the_injected_clock()
    {
        using var folder = new ContentFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));

        using var source = folder.Open(time: time);

        Assert.Equal(time.GetUtcNow(), source.Current.LoadedAt);
    }

    [Fact]
    public void Each_error_is_logged_as_a_warning_with_the_same_text()
    {
        using var folder = new ContentFolder();
        folder.Write("en/bad.md", "---\ntitle: T\nkind: podcast\n---\n");
        var logger = new RecordingLogger<MarkdownContentSource>();

        using var source = folder.Open(logger: logger);

        var error = Assert.Single(source.Current.Errors);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.EndsWith(error.ToString(), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_content_folder_gives_an_empty_catalogue_and_an_error_naming_the_folder()
    {
        using var folder = new ContentFolder();
        Directory.Delete(folder.Path);

        using var source = folder.Open(watch: true);

        Assert.Empty(source.Current.Items);
        var error = Assert.Single(source.Current.Errors);
        Assert.Equal(folder.Path, error.Source);
        Assert.Contains($"The content folder {folder.Path} does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unconfigured_content_path_gives_an_empty_catalogue_and_says_so()
    {
        using var source = new MarkdownContentSource(
            Microsoft.Extensions.Options.Options.Create(new MarkdownContentOptions()),
            JourneyContent.Stages.StageModel.Default,
            new MarkdownRenderer(),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MarkdownContentSource>.Instance);

        Assert.Empty(source.Current.Items);
        Assert.Contains("No content folder is configured", Assert.Single(source.Current.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_raw_front_matter_and_yaml_of_a_loaded_file_stay_available_with_unknown_keys()
    {
        using var folder = new ContentFolder();
        var text = "---\ntitle: T\nkind: blog-post\nform_variant: short\n---\nBody *kept*  \n";
        folder.Write("en/page.md", text);

        using var source = folder.Open();
        var file = source.FindFile("en/page")!;

        Assert.Equal("en/page.md", file.RelativePath);
        Assert.Equal("title: T\nkind: blog-post\nform_variant: short\n", file.Document.FrontMatter);
        Assert.Equal("Body *kept*  \n", file.Document.Body);
        Assert.Equal("short", ((YamlScalarNode)file.FrontMatter.Children[new YamlScalarNode("form_variant")]).Value);
        Assert.Null(source.FindFile("en/missing"));
    }
}
