namespace JourneyContent.Markdown.Tests;

public sealed class MarkdownContentSourceTests
{
    [Fact]
    public void A_valid_file_maps_every_front_matter_field()
    {
        using var folder = new ContentFolder();
        folder.Write("assets/guide.pdf", "%PDF-1.4");
        folder.Write("en/guide.md", """
            ---
            title: "Inbound marketing: the complete guide"
            slug: inbound-guide
            kind: white-paper
            stage: awareness
            secondary_stages:
              - stage: consideration
                weight: 0.4
            topics: [Inbound-Marketing, lead-scoring, inbound-marketing]
            language: en
            summary: "Everything in one place."
            date: 2026-03-14
            gated_asset: assets/guide.pdf
            translation_key: inbound-guide
            future_field: ignored
            ---
            ## What is inside

            A [link](/en/other).
            """);

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.Empty(source.Current.Errors);
        Assert.Equal("en/inbound-guide", item.Id);
        Assert.Equal("/en/inbound-guide", item.Url);
        Assert.Equal("Inbound marketing: the complete guide", item.Title);
        Assert.Equal("white-paper", item.Kind);
        Assert.Equal("awareness", item.Stage);
        Assert.Equal([new("consideration", 0.4)], item.SecondaryStages);
        Assert.Equal(["inbound-marketing", "lead-scoring"], item.Topics);
        Assert.Equal("Everything in one place.", item.Summary);
        Assert.Equal(new DateOnly(2026, 3, 14), item.Date);
        Assert.Equal("assets/guide.pdf", item.GatedAsset);
        Assert.Equal("inbound-guide", item.TranslationKey);
        Assert.Equal("en/guide.md", item.Source);
        Assert.Contains("<h2 id=\"what-is-inside\">What is inside</h2>", item.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("What is inside A link.", item.BodyText);
    }

    [Fact]
    public void Slug_defaults_to_the_file_name_and_language_to_the_folder()
    {
        using var folder = new ContentFolder();
        folder.Write("fr/Mon-Article.md", ContentFolder.Item());

        using var source = folder.Open();
        var item = Assert.Single(source.Current.Items);

        Assert.Equal("mon-article", item.Slug);
        Assert.Equal("fr", item.Language);
        Assert.True(item.IsUntagged);
    }

    [Theory]
    [InlineData("no front matter at all\n", 1, null, "first line must be ---")]
    [InlineData("---\ntitle: x\nkind: blog-post\n", 1, null, "not closed")]
    [InlineData("---\ntitle: \"ok\"\nkind: blog-post\nstage: [awareness\n---\nbody\n", 5, null, "Invalid YAML")]
    [InlineData("---\n- a\n- b\n---\nbody\n", 2, null, "key: value")]
    [InlineData("---\nkind: blog-post\n---\nbody\n", 2, "title", "title is required")]
    [InlineData("---\ntitle: \"  \"\nkind: blog-post\n---\nbody\n", 2, "title", "title is required")]
    [InlineData("---\ntitle: T\n---\nbody\n", 2, "kind", "kind is required")]
    [InlineData("---\ntitle: T\n\nkind: podcast\n---\nbody\n", 4, "kind", "Unknown kind 'podcast'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nstage: purchase\n---\nbody\n", 4, "stage", "Unknown stage 'purchase'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nstage:\n---\nbody\n", 4, "stage", "stage is empty")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n  - stage: nowhere\n---\nbody\n", 6, "secondary_stages.stage", "Unknown stage 'nowhere'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages:\n  - stage: loyalty\n    weight: 1.5\n---\nbody\n", 6, "secondary_stages.weight", "greater than 0 and at most 1")]
    [InlineData("---\ntitle: T\nkind: blog-post\nsecondary_stages: loyalty\n---\nbody\n", 4, "secondary_stages", "must be a list")]
    [InlineData("---\ntitle: T\nkind: blog-post\ndate: 14/03/2026\n---\nbody\n", 4, "date", "yyyy-MM-dd")]
    [InlineData("---\ntitle: T\nkind: blog-post\nlanguage: de\n---\nbody\n", 4, "language", "Unknown language 'de'")]
    [InlineData("---\ntitle: T\nkind: blog-post\nlanguage: fr\n---\nbody\n", 4, "language", "'en' folder")]
    [InlineData("---\ntitle: T\nkind: blog-post\nslug: Not A Slug\n---\nbody\n", 4, "slug", "Slug 'Not A Slug' is invalid")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: assets/missing.pdf\n---\nbody\n", 4, "gated_asset", "does not exist")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: ../../etc/passwd\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
    [InlineData("---\ntitle: T\nkind: white-paper\ngated_asset: /etc/passwd\n---\nbody\n", 4, "gated_asset", "inside the content folder")]
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
    public void A_file_without_a_language_outside_a_language_folder_is_reported()
    {
        using var folder = new ContentFolder();
        folder.Write("misc/page.md", ContentFolder.Item());

        using var source = folder.Open();

        var error = Assert.Single(source.Current.Errors);
        Assert.Equal("language", error.Field);
        Assert.Equal("misc/page.md:2: language: A language is required (en, fr).", error.ToString());
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
    public void Duplicate_slugs_report_both_files_and_keep_the_one_whose_path_sorts_first()
    {
        using var folder = new ContentFolder();
        // Written in reverse order so that creation order cannot decide.
        folder.Write("en/z/second.md", ContentFolder.Item("Second", extra: "slug: same\n"));
        folder.Write("en/a/first.md", ContentFolder.Item("First", extra: "slug: same\n"));
        folder.Write("fr/same.md", ContentFolder.Item("Même slug, autre langue"));

        using var source = folder.Open();

        Assert.Equal("First", source.Current.Find("en", "same")!.Title);
        Assert.NotNull(source.Current.Find("fr", "same"));
        Assert.Equal(2, source.Current.Errors.Count);
        Assert.Contains(source.Current.Errors, e => e.Source == "en/a/first.md" && e.Message.Contains("en/z/second.md", StringComparison.Ordinal) && e.Message.Contains("kept", StringComparison.Ordinal));
        Assert.Contains(source.Current.Errors, e => e.Source == "en/z/second.md" && e.Message.Contains("en/a/first.md", StringComparison.Ordinal) && e.Message.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_content_folder_gives_an_empty_catalogue_and_an_error()
    {
        using var folder = new ContentFolder();
        Directory.Delete(folder.Path);

        using var source = folder.Open(watch: true);

        Assert.Empty(source.Current.Items);
        Assert.Contains("does not exist", Assert.Single(source.Current.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edited_added_and_deleted_files_are_picked_up_without_a_restart()
    {
        using var folder = new ContentFolder();
        folder.Write("en/kept.md", ContentFolder.Item("Before"));
        var removed = folder.Write("en/removed.md", ContentFolder.Item("Removed"));
        using var source = folder.Open(watch: true);
        var changes = 0;
        source.Changed += (_, _) => Interlocked.Increment(ref changes);

        folder.Write("en/kept.md", ContentFolder.Item("After"));
        folder.Write("en/added.md", ContentFolder.Item("Added"));
        File.Delete(removed);

        await WaitUntil(() => source.Current.Find("en", "kept")?.Title == "After"
            && source.Current.Find("en", "added") is not null
            && source.Current.Find("en", "removed") is null);
        Assert.True(Volatile.Read(ref changes) >= 1);
    }

    [Fact]
    public async Task A_file_broken_while_the_site_runs_is_reported_and_its_fix_is_picked_up()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item("Fine"));
        using var source = folder.Open(watch: true);

        folder.Write("en/page.md", "---\ntitle: Broken\nkind: nonsense\n---\n");
        await WaitUntil(() => source.Current.Errors.Count == 1);
        Assert.Empty(source.Current.Items);

        folder.Write("en/page.md", ContentFolder.Item("Fixed"));
        await WaitUntil(() => source.Current.Find("en", "page")?.Title == "Fixed");
        Assert.Empty(source.Current.Errors);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The content folder change was not picked up within 10 s.");
            await Task.Delay(50);
        }
    }
}
