using JourneyContent.Content;

namespace JourneyContent.Markdown.Tests;

/// <summary>Every kind of bad file is skipped and reported with the file, the line in the file and the field, as an editor needs to fix it.</summary>
public sealed class ContentFileErrorTests
{
    [Theory]
    // Front matter missing or not closed: line 1.
    [InlineData("no front matter at all\n", 1, null, "first line must be ---")]
    [InlineData("---\ntitle: x\nkind: blog-post\n", 1, null, "not closed")]
    [InlineData("---", 1, null, "not closed")]
    // Invalid YAML: YamlDotNet's line, counted from the file's first line; an unclosed bracket points at its own line, not at the closing ---.
    [InlineData("---\ntitle: \"ok\"\nkind: blog-post\nstage: [awareness\n---\nbody\n", 4, null, "Invalid YAML")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsummary: a: b\n---\nbody\n", 4, null, "Invalid YAML")]
    [InlineData("---\ntitle: T\nkind: blog-post\ntitle: U\n---\nbody\n", 4, null, "Duplicate key")]
    // Front matter that is not a mapping: the line where it starts.
    [InlineData("---\n- a\n- b\n---\nbody\n", 2, null, "key: value")]
    [InlineData("---\n\n# a comment\n- a\n---\nbody\n", 4, null, "key: value")]
    // Title: line of the key when present, of the mapping's start when absent.
    [InlineData("---\nkind: blog-post\n---\nbody\n", 2, "title", "title is required")]
    [InlineData("---\n# written by the CMS export\nkind: blog-post\n---\nbody\n", 3, "title", "title is required")]
    [InlineData("---\ntitle: \"  \"\nkind: blog-post\n---\nbody\n", 2, "title", "title is required")]
    [InlineData("---\ntitle: ~\nkind: blog-post\n---\nbody\n", 2, "title", "title is required")]
    [InlineData("---\ntitle: [a, b]\nkind: blog-post\n---\nbody\n", 2, "title", "single value")]
    // Kind.
    [InlineData("---\ntitle: T\n---\nbody\n", 2, "kind", "kind is required (blog-post, case-study")]
    [InlineData("---\ntitle: T\n\nkind: podcast\n---\nbody\n", 4, "kind", "Unknown kind 'podcast'. Known kinds: blog-post, case-study")]
    // Stage and secondary stages: the line of the value.
    [InlineData("---\ntitle: T\nkind: blog-post\nstage: purchase\n---\nbody\n", 4, "stage", "Unknown stage 'purchase'. Known stages: awareness, consideration")]
    [InlineData("---\ntitle: T\nkind: blog-post\nstage:\n---\nbody\n", 4, "stage", "stage is empty")]
    [InlineData("---\ntitle: T\nkind: blog-post\nstage: ~\n---\nbody\n", 4, "stage", "stage is empty")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n  - stage: nowhere\n---\nbody\n", 6, "secondary_stages.stage", "Unknown stage 'nowhere'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - weight: 0.5\n---\nbody\n", 5, "secondary_stages.stage", "needs a stage")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n    weight: 1.5\n---\nbody\n", 6, "secondary_stages.weight", "greater than 0 and at most 1")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n    weight: 0\n---\nbody\n", 6, "secondary_stages.weight", "greater than 0 and at most 1")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n    weight: lots\n---\nbody\n", 6, "secondary_stages.weight", "Weight 'lots'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages: loyalty\n---\nbody\n", 4, "secondary_stages", "must be a list")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - loyalty\n---\nbody\n", 5, "secondary_stages", "Each secondary stage is a mapping")]
    // Date.
    [InlineData("---\ntitle: T\nkind: blog-post\ndate: 14/03/2026\n---\nbody\n", 4, "date", "yyyy-MM-dd")]
    [InlineData("---\ntitle: T\nkind: blog-post\ndate: 2026-02-30\n---\nbody\n", 4, "date", "Date '2026-02-30'")]
    // Language (the file is in en/).
    [InlineData("---\ntitle: T\nkind: blog-post\nlanguage: de\n---\nbody\n", 4, "language", "Unknown language 'de'. Configured languages: en, fr")]
    [InlineData("---\ntitle: T\nkind: blog-post\nlanguage: fr\n---\nbody\n", 4, "language", "'en' folder")]
    // Slug.
    [InlineData("---\ntitle: T\nkind: blog-post\nslug: Not A Slug\n---\nbody\n", 4, "slug", "Slug 'Not A Slug' is invalid")]
    [InlineData("---\ntitle: T\nkind: blog-post\nslug: trailing-\n---\nbody\n", 4, "slug", "Slug 'trailing-' is invalid")]
    // Gated asset: must exist, and must stay inside the content folder.
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: assets/missing.pdf\n---\nbody\n", 4, "gated_asset", "does not exist")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: ../../etc/passwd\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: assets/../../outside.pdf\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: /etc/passwd\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: \"assets/a\\0.pdf\"\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
    // Other known fields of the wrong shape.
    [InlineData("---\ntitle: T\nkind: blog-post\ntopics:\n  crm: yes\n---\nbody\n", 5, "topics", "must be a list")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsummary: [a, b]\n---\nbody\n", 4, "summary", "single value")]
    // Recommendation and call-to-action settings.
    [InlineData("---\ntitle: T\nkind: blog-post\nboost: lots\n---\nbody\n", 4, "boost", "from -1 (bury) to 1 (promote)")]
    [InlineData("---\ntitle: T\nkind: blog-post\nrecommend: maybe\n---\nbody\n", 4, "recommend", "true or false")]
    [InlineData("---\ntitle: T\nkind: blog-post\nnext: [Pricing Page]\n---\nbody\n", 4, "next", "not a slug")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta: subscribe\n---\nbody\n", 4, "cta", "must be a mapping")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta:\n  headline: H\n  url: javascript:alert(1)\n---\nbody\n", 6, "cta.url", "site path")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta:\n  headline: H\n  url: \"/\\t/evil.example\"\n---\nbody\n", 6, "cta.url", "/\\u0009/evil.example")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta:\n  headline: H\n  url: \"https:\\\\\\\\evil.example\"\n---\nbody\n", 6, "cta.url", "site path")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta:\n  stages: [awareness, later]\n---\nbody\n", 5, "cta.stages", "Unknown stage 'later'")]
    [InlineData("---\ntitle: T\nkind: blog-post\ncta:\n  button: Go\n  all_stages: sometimes\n---\nbody\n", 6, "cta.all_stages", "true or false")]
    [InlineData("---\ntitle: T\nkind: white-paper\nform:\n  fields: [first_name, shoe_size]\n---\nbody\n", 5, "form.fields", "Unknown form field 'shoe_size'")]
    [InlineData("---\ntitle: T\nkind: white-paper\nform:\n  fields: [first_name]\n  required: [company]\n---\nbody\n", 6, "form.required", "'company' is required but not in form.fields")]
    [InlineData("---\ntitle: T\nkind: white-paper\nform: [a, b]\n---\nbody\n", 4, "form", "name of a configured form")]
    [InlineData("---\ntitle: T\nkind: white-paper\nform: White Paper\n---\nbody\n", 4, "form.name", "not a form name")]
    public void A_bad_file_is_skipped_and_reported_with_its_file_line_and_field(string text, int line, string? field, string message)
    {
        using var folder = new ContentFolder();
        folder.Write("en/bad.md", text);

        using var source = folder.Open();

        Assert.Empty(source.Current.Items);
        var error = Assert.Single(source.Current.Errors);
        Assert.Equal("en/bad.md", error.Source);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        using var folder = new ContentFolder();
        folder.Write("en/bad.md", "---\ntitle: T\nkind: podcast\nstage: purchase\ndate: soon\n---\nbody\n");

        using var source = folder.Open();

        Assert.Equal(
            new (string?, int)[] { ("kind", 3), ("stage", 4), ("date", 5) },
            source.Current.Errors.Select(e => (e.Field, e.Line ?? 0)).ToArray());
    }

    [Fact]
    public void An_empty_front_matter_reports_the_missing_title_and_kind_on_line_1()
    {
        using var folder = new ContentFolder();
        folder.Write("en/empty.md", "---\n# nothing yet\n---\nbody\n");

        using var source = folder.Open();

        Assert.Equal(
            new (string?, int)[] { ("title", 1), ("kind", 1) },
            source.Current.Errors.Select(e => (e.Field, e.Line ?? 0)).ToArray());
    }

    [Fact]
    public void A_file_without_a_language_outside_a_language_folder_is_reported()
    {
        using var folder = new ContentFolder();
        folder.Write("misc/page.md", ContentFolder.Item());

        using var source = folder.Open();

        var error = Assert.Single(source.Current.Errors);
        Assert.Equal("misc/page.md:2: language: A language is required (en, fr).", error.ToString());
    }

    [Fact]
    public void A_file_name_that_is_not_a_valid_slug_is_reported_when_no_slug_is_given()
    {
        using var folder = new ContentFolder();
        folder.Write("en/My first post.md", ContentFolder.Item());

        using var source = folder.Open();

        var error = Assert.Single(source.Current.Errors);
        Assert.Equal(("en/My first post.md", 2, "slug"), (error.Source, error.Line ?? 0, error.Field));
        Assert.Contains("taken from the file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boost_outside_its_range_is_clamped_and_the_file_loads_with_a_warning_on_its_line()
    {
        using var folder = new ContentFolder();
        folder.Write("en/loud.md", ContentFolder.Item(extra: "stage: awareness\nboost: 3\n"));

        using var source = folder.Open();

        Assert.Equal(1, Assert.Single(source.Current.Items).Boost);
        var warning = Assert.Single(source.Current.Errors);
        Assert.Equal(("en/loud.md", 5, "boost", ContentProblemCodes.BoostOutOfRange, true), (warning.Source, warning.Line ?? 0, warning.Field, warning.Code, warning.IsWarning));
    }

    [Fact]
    public void Repeated_secondary_stages_and_the_primary_one_are_kept_once_without_an_error()
    {
        using var folder = new ContentFolder();
        folder.Write("en/twice.md", ContentFolder.Item(extra: "stage: consideration\nsecondary_stages:\n  - stage: decision\n    weight: 0.4\n  - stage: decision\n  - stage: consideration\n"));

        using var source = folder.Open();

        Assert.Empty(source.Current.Errors);
        Assert.Equal([("decision", 0.4)], Assert.Single(source.Current.Items).SecondaryStages.Select(s => (s.Stage, s.Weight)));
    }
}
