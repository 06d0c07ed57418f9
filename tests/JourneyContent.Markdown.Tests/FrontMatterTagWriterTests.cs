using JourneyContent.Content;
using JourneyContent.Tagging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Markdown.Tests;

public sealed class FrontMatterTagWriterTests
{
    private const string Body = "## Heading\n\nBody with --- dashes, a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntrailing spaces   \n";

    [Fact]
    public async Task Tagging_changes_only_the_tag_lines_and_keeps_the_body_byte_for_byte()
    {
        using var folder = new ContentFolder();
        var path = folder.Write("en/post.md", "---\n# a comment editors wrote\ntitle: \"Post\"\nkind: blog-post\ntopics: [crm]   # inline comment\n\nsummary: >\n  folded text\n  on two lines\n---\n" + Body);
        using var source = folder.Open();
        var writer = Writer(folder, source);
        var item = source.Current.Items.Single();

        var outcome = await writer.WriteAsync(item.Id, new ContentTags("case-study", "consideration", [new StageWeight("decision", 0.25)]), item.Version!, default);

        Assert.Equal(TagWriteOutcome.Saved, outcome);
        Assert.Equal(
            "---\n# a comment editors wrote\ntitle: \"Post\"\nkind: case-study\nstage: consideration\nsecondary_stages:\n  - stage: decision\n    weight: 0.25\ntopics: [crm]   # inline comment\n\nsummary: >\n  folded text\n  on two lines\n---\n" + Body,
            await File.ReadAllTextAsync(path));
        var reloaded = source.Current.Items.Single();
        Assert.Equal("consideration", reloaded.Stage);
        Assert.Equal("case-study", reloaded.Kind);
        Assert.Equal("folded text on two lines\n", reloaded.Summary + "\n");
    }

    [Fact]
    public async Task Retagging_replaces_existing_blocks_and_untagging_removes_the_stage()
    {
        using var folder = new ContentFolder();
        var path = folder.Write("en/post.md", "---\ntitle: T\nkind: blog-post\nstage: awareness\nsecondary_stages:\n  - stage: consideration\n    weight: 0.4\ndate: 2026-01-02\n---\n" + Body);
        using var source = folder.Open();
        var writer = Writer(folder, source);
        var item = source.Current.Items.Single();

        await writer.WriteAsync(item.Id, new ContentTags("blog-post", null, []), item.Version!, default);

        Assert.Equal("---\ntitle: T\nkind: blog-post\ndate: 2026-01-02\n---\n" + Body, await File.ReadAllTextAsync(path));
        Assert.True(source.Current.Items.Single().IsUntagged);
    }

    [Fact]
    public async Task Topics_and_an_offer_are_written_and_read_back_as_the_editor_typed_them_whatever_the_characters()
    {
        using var folder = new ContentFolder();
        var path = folder.Write("en/post.md", "---\ntitle: T\nkind: blog-post\nstage: awareness\ntopics: [crm]\nlanguage: en\n---\n" + Body);
        using var source = folder.Open();
        var item = source.Current.Items.Single();
        // Everything YAML could read as something else: quotes, a backslash, a colon and a hash, an alias and an anchor,
        // a flow mapping, a line break, a tab, a control character and a line separator.
        const string headline = "Say \"yes\": 50 % off # today \\ *alias &anchor {a: b} [x]";
        const string text = "Line one\nline two\twith a tab, a bell \u0007 and a separator \u2028 end";
        var offer = new CallToActionBlock { Headline = headline, Text = text, Button = "Go → now", Url = "/en/pricing?plan=scale&utm_source=\"x\"", Stages = ["decision", "loyalty"] };

        var outcome = await Writer(folder, source).WriteAsync(item.Id, new ContentTags("blog-post", "awareness", []) { TopicsAndOffer = new TopicAndOfferTags(["crm", "email-nurturing"], offer) }, item.Version!, default);

        Assert.Equal(TagWriteOutcome.Saved, outcome);
        var written = await File.ReadAllTextAsync(path);
        Assert.Contains("\ntopics: [crm, email-nurturing]\nlanguage: en\ncta:\n  headline: \"Say \\\"yes\\\": 50 % off # today \\\\ *alias &anchor {a: b} [x]\"\n", written, StringComparison.Ordinal);
        Assert.EndsWith("---\n" + Body, written, StringComparison.Ordinal);
        var reloaded = source.Current.Items.Single();
        Assert.Empty(source.Current.Errors);
        Assert.Equal(["crm", "email-nurturing"], reloaded.Topics);
        Assert.Equal(headline, reloaded.CallToAction!.Headline);
        Assert.Equal(text, reloaded.CallToAction.Text);
        Assert.Equal("Go → now", reloaded.CallToAction.Button);
        Assert.Equal("/en/pricing?plan=scale&utm_source=\"x\"", reloaded.CallToAction.Url);
        Assert.Equal(["decision", "loyalty"], reloaded.CallToAction.Stages);
    }

    [Fact]
    public async Task No_topics_and_no_offer_remove_both_keys()
    {
        using var folder = new ContentFolder();
        var path = folder.Write("en/post.md", "---\ntitle: T\nkind: blog-post\nstage: awareness\ntopics: [crm]\ncta:\n  headline: \"Old\"\n  url: /en/pricing\ndate: 2026-01-02\n---\n" + Body);
        using var source = folder.Open();
        var item = source.Current.Items.Single();

        await Writer(folder, source).WriteAsync(item.Id, new ContentTags("blog-post", "awareness", []) { TopicsAndOffer = new TopicAndOfferTags([], null) }, item.Version!, default);

        Assert.Equal("---\ntitle: T\nkind: blog-post\nstage: awareness\ndate: 2026-01-02\n---\n" + Body, await File.ReadAllTextAsync(path));
        Assert.Null(source.Current.Items.Single().CallToAction);
    }

    [Fact]
    public async Task Windows_line_endings_are_kept()
    {
        using var folder = new ContentFolder();
        var crlfBody = Body.Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = folder.Write("en/post.md", "---\r\ntitle: T\r\nkind: blog-post\r\n---\r\n" + crlfBody);
        using var source = folder.Open();
        var item = source.Current.Items.Single();

        await Writer(folder, source).WriteAsync(item.Id, new ContentTags("blog-post", "decision", []), item.Version!, default);

        Assert.Equal("---\r\ntitle: T\r\nkind: blog-post\r\nstage: decision\r\n---\r\n" + crlfBody, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_file_changed_since_it_was_read_is_a_conflict_and_is_not_overwritten()
    {
        using var folder = new ContentFolder();
        var path = folder.Write("en/post.md", "---\ntitle: T\nkind: blog-post\n---\nv1\n");
        using var source = folder.Open();
        var staleVersion = source.Current.Items.Single().Version!;
        var someoneElsesEdit = "---\ntitle: T\nkind: blog-post\n---\nv2 by another editor\n";
        await File.WriteAllTextAsync(path, someoneElsesEdit);

        var outcome = await Writer(folder, source).WriteAsync("en/post", new ContentTags("blog-post", "decision", []), staleVersion, default);

        Assert.Equal(TagWriteOutcome.Conflict, outcome);
        Assert.Equal(someoneElsesEdit, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_at_once_cannot_both_win()
    {
        using var folder = new ContentFolder();
        folder.Write("en/post.md", "---\ntitle: T\nkind: blog-post\n---\nbody\n");
        using var source = folder.Open();
        var writer = Writer(folder, source);
        var version = source.Current.Items.Single().Version!;

        var outcomes = await Task.WhenAll(
            writer.WriteAsync("en/post", new ContentTags("blog-post", "awareness", []), version, default),
            writer.WriteAsync("en/post", new ContentTags("blog-post", "decision", []), version, default));

        Assert.Single(outcomes, o => o == TagWriteOutcome.Saved);
        Assert.Single(outcomes, o => o == TagWriteOutcome.Conflict);
    }

    [Fact]
    public async Task An_unknown_item_is_not_found()
    {
        using var folder = new ContentFolder();
        using var source = folder.Open();

        Assert.Equal(TagWriteOutcome.NotFound, await Writer(folder, source).WriteAsync("en/nothing", new ContentTags("blog-post", null, []), "x", default));
    }

    private static FrontMatterTagWriter Writer(ContentFolder folder, MarkdownContentSource source) =>
        new(source, Options.Create(new MarkdownContentOptions { ContentPath = folder.Path }));
}
