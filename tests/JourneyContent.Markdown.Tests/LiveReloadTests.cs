using JourneyContent.Content;
using JourneyContent.Markdown.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Markdown.Tests;

/// <summary>Changes to the content folder show up while the site runs, and a failing reload never loses the content online.</summary>
public sealed class LiveReloadTests
{
    private static readonly TimeSpan PickUpLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Edited_added_renamed_and_deleted_files_are_picked_up_without_a_restart()
    {
        using var folder = new ContentFolder();
        folder.Write("en/kept.md", ContentFolder.Item("Before"));
        var removed = folder.Write("en/removed.md", ContentFolder.Item("Removed"));
        var renamed = folder.Write("en/old-name.md", ContentFolder.Item("Renamed"));
        using var source = folder.Open(watch: true);
        var changes = 0;
        source.Changed += (_, _) => Interlocked.Increment(ref changes);

        folder.Write("en/kept.md", ContentFolder.Item("After"));
        folder.Write("en/added.md", ContentFolder.Item("Added"));
        File.Delete(removed);
        File.Move(renamed, folder.Full("en/new-name.md"));

        await AssertEventually(source, s => s.Find("en", "kept")?.Title == "After"
            && s.Find("en", "added") is not null
            && s.Find("en", "removed") is null
            && s.Find("en", "old-name") is null
            && s.Find("en", "new-name")?.Title == "Renamed");
        Assert.True(Volatile.Read(ref changes) >= 1);
    }

    [Fact]
    public async Task A_file_broken_while_the_site_runs_is_reported_and_its_fix_is_picked_up()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item("Fine"));
        using var source = folder.Open(watch: true);

        folder.Write("en/page.md", "---\ntitle: Broken\nkind: nonsense\n---\n");
        await AssertEventually(source, s => s.Errors.Count == 1 && s.Items.Count == 0);

        folder.Write("en/page.md", ContentFolder.Item("Fixed"));
        await AssertEventually(source, s => s.Find("en", "page")?.Title == "Fixed" && s.Errors.Count == 0);
    }

    [Fact]
    public async Task A_gated_asset_added_to_the_assets_folder_makes_its_item_load()
    {
        using var folder = new ContentFolder();
        folder.Write("en/guide.md", ContentFolder.Item(kind: "white-paper", extra: "gated_asset: assets/guide.pdf\n"));
        using var source = folder.Open(watch: true);
        Assert.Equal("gated_asset", Assert.Single(source.Current.Errors).Field);

        folder.Write("assets/guide.pdf", "%PDF-1.4");

        await AssertEventually(source, s => s.Find("en", "guide")?.GatedAsset == "assets/guide.pdf");
    }

    [Fact]
    public async Task The_quiet_period_before_a_reload_is_measured_with_the_injected_clock()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item("Before"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
        // An hour of real time would never pass during the test: only advancing the fake clock can trigger the reload.
        var debounce = TimeSpan.FromHours(1);
        using var source = folder.Open(watch: true, time: time, debounce: debounce);
        var loadedFirst = source.Current.LoadedAt;

        folder.Write("en/page.md", ContentFolder.Item("After"));

        var deadline = DateTime.UtcNow + PickUpLimit;
        while (source.Current.Find("en", "page")?.Title != "After" && DateTime.UtcNow < deadline)
        {
            time.Advance(debounce);
            await Task.Delay(50);
        }

        Assert.Equal("After", source.Current.Find("en", "page")?.Title);
        Assert.True(source.Current.LoadedAt >= loadedFirst + debounce);
    }

    [Fact]
    public void A_reload_that_fails_unexpectedly_keeps_the_previous_snapshot_and_logs_an_error()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item("Online"));
        var logger = new RecordingLogger<MarkdownContentSource>();
        using var source = folder.Open(logger: logger);
        var before = source.Current;
        var changed = false;
        source.Changed += (_, _) => changed = true;
        folder.Write("en/page.md", ContentFolder.Item("Edited"));
        logger.ThrowWhen = (level, message) => level == LogLevel.Information && message.StartsWith("Loaded", StringComparison.Ordinal);

        source.Reload();

        Assert.Same(before, source.Current);
        Assert.Equal("Online", source.Current.Find("en", "page")!.Title);
        Assert.False(changed);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public void A_failing_subscriber_neither_stops_the_reload_nor_the_other_subscribers()
    {
        using var folder = new ContentFolder();
        folder.Write("en/page.md", ContentFolder.Item("Before"));
        var logger = new RecordingLogger<MarkdownContentSource>();
        using var source = folder.Open(logger: logger);
        ContentChangedEventArgs? seen = null;
        source.Changed += (_, _) => throw new InvalidOperationException("A broken cache.");
        source.Changed += (_, e) => seen = e;
        var before = source.Current;
        folder.Write("en/page.md", ContentFolder.Item("After"));

        source.Reload();

        Assert.Equal("After", source.Current.Find("en", "page")!.Title);
        Assert.NotNull(seen);
        Assert.Same(before, seen.Previous);
        Assert.Same(source.Current, seen.Current);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "A broken cache.");
    }

    /// <summary>Polls <see cref="IContentSource.Current"/> until the condition holds, failing after <see cref="PickUpLimit"/>.</summary>
    private static async Task AssertEventually(IContentSource source, Func<ContentSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + PickUpLimit;
        while (!condition(source.Current))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The content folder change was not picked up within {PickUpLimit.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
