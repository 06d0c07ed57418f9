using JourneyContent.Editing;
using JourneyContent.Tagging;

namespace JourneyContent.StoreContracts;

/// <summary>
/// What every <see cref="IStageAuditLog"/> does, whatever the database: each provider's test project derives from this
/// class and gives it a log on a new, migrated database.
/// </summary>
public abstract class StageAuditLogContract : IAsyncLifetime
{
    /// <summary>A Monday morning in March 2026.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IStageAuditLog? _log;

    /// <summary>The log under test.</summary>
    protected IStageAuditLog Log => _log ?? throw new InvalidOperationException("The log is created in InitializeAsync.");

    /// <summary>The smallest step of time the database keeps (SQLite a tick, PostgreSQL a microsecond); finer is dropped.</summary>
    protected abstract TimeSpan TimeResolution { get; }

    /// <summary>A log on a new, migrated, empty database.</summary>
    protected abstract Task<IStageAuditLog> CreateLogAsync();

    /// <summary>A second log on the database of <see cref="CreateLogAsync"/>, with a connection pool of its own, as another process would have.</summary>
    protected abstract IStageAuditLog NewLogOnAnotherFactory();

    /// <summary>Removes the database of <see cref="CreateLogAsync"/>.</summary>
    protected abstract Task DeleteLogAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _log = await CreateLogAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteLogAsync();

    /// <summary>An inline change of an item's stage from awareness, at <paramref name="at"/> (<see cref="T0"/> by default).</summary>
    protected static StageAuditEntry Entry(string itemId, string toStage = "consideration", DateTimeOffset? at = null) => new()
    {
        ItemId = itemId,
        ItemTitle = "Title of " + itemId,
        ChangedBy = "ada@example.com",
        ChangedAt = at ?? T0,
        FromStage = "awareness",
        ToStage = toStage,
        Source = StageAuditSources.Inline,
    };

    [Fact]
    public async Task An_appended_entry_is_listed_with_every_field_and_an_id()
    {
        var entry = new StageAuditEntry
        {
            ItemId = "en/blog/why-sillage",
            ItemTitle = "Why Sillage",
            ChangedBy = "ada@example.com",
            ChangedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(42),
            FromStage = null,
            ToStage = "awareness",
            FromSecondary = null,
            ToSecondary = "consideration:0.5",
            FromKind = "blog-post",
            ToKind = "how-to-guide",
            Source = StageAuditSources.Suggestion,
        };

        await Log.AppendAsync(entry, default);

        var listed = Assert.Single(await Log.ListAsync(null, 10, default));
        Assert.True(listed.Id > 0);
        // The instant as the database keeps it: every tick in SQLite, the 42 ticks' 4 whole microseconds in PostgreSQL.
        var kept = entry.ChangedAt.AddTicks(-(entry.ChangedAt.UtcTicks % TimeResolution.Ticks));
        Assert.Equal(entry with { Id = listed.Id, ChangedAt = kept }, listed);
    }

    [Fact]
    public async Task Pins_exclusion_and_boost_before_and_after_are_kept_with_the_order_of_the_pins()
    {
        await Log.AppendAsync(new StageAuditEntry
        {
            ItemId = "en/pricing", ChangedBy = "ada@example.com", ChangedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
            FromStage = "decision", ToStage = "decision",
            FromRecommendations = new RecommendationTags([], false, 0),
            ToRecommendations = new RecommendationTags(["en/b, with a comma", "en/a"], true, -0.5),
        }, default);
        await Log.AppendAsync(new StageAuditEntry { ItemId = "en/other", ChangedBy = "ada@example.com", FromStage = null, ToStage = "awareness" }, default);

        var listed = await Log.ListAsync(null, 10, default);

        Assert.Null(listed[0].FromRecommendations);
        Assert.Null(listed[0].ToRecommendations);
        Assert.Empty(listed[1].FromRecommendations!.PinnedNext);
        Assert.Equal(["en/b, with a comma", "en/a"], listed[1].ToRecommendations!.PinnedNext);
        Assert.True(listed[1].ToRecommendations!.Excluded);
        Assert.Equal(-0.5, listed[1].ToRecommendations!.Boost);
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_filtered_by_item_and_limited()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log.AppendAsync(Entry(i % 2 == 0 ? "item-a" : "item-b", toStage: "stage-" + i, at: T0.AddMinutes(i + 1)), default);
        }

        var all = await Log.ListAsync(null, 100, default);
        var ofA = await Log.ListAsync("item-a", 100, default);
        var newestTwoOfA = await Log.ListAsync("item-a", 2, default);

        Assert.Equal(["stage-4", "stage-3", "stage-2", "stage-1", "stage-0"], all.Select(e => e.ToStage));
        Assert.Equal(all.Select(e => e.ChangedAt).OrderDescending(), all.Select(e => e.ChangedAt));
        Assert.Equal(["stage-4", "stage-2", "stage-0"], ofA.Select(e => e.ToStage));
        Assert.All(ofA, e => Assert.Equal("item-a", e.ItemId));
        Assert.Equal(["stage-4", "stage-2"], newestTwoOfA.Select(e => e.ToStage));
    }

    [Fact]
    public async Task An_item_without_changes_lists_nothing()
    {
        await Log.AppendAsync(Entry("item-a"), default);

        Assert.Empty(await Log.ListAsync("item-z", 10, default));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_limit_below_one_is_refused(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ListAsync(null, limit, default));
    }

    [Fact]
    public async Task An_entry_without_item_or_author_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(Entry(" "), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(Entry("item-a") with { ChangedBy = "" }, default));

        Assert.Empty(await Log.ListAsync(null, 10, default));
    }

    [Fact]
    public async Task Concurrent_writers_on_several_connections_all_succeed()
    {
        const int writers = 4;
        const int appendsEach = 50;
        // Two logs on separate factories (separate pools), as the site and a command-line tool would be.
        IStageAuditLog[] logs = [Log, NewLogOnAnotherFactory()];

        var writing = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < appendsEach; i++)
            {
                await logs[writer % logs.Length].AppendAsync(Entry($"writer-{writer}", toStage: $"{i:D3}"), default);
            }
        }));
        var reading = Task.Run(async () =>
        {
            // Readers run alongside the writers, neither blocking nor blocked by them.
            for (var i = 0; i < 50; i++)
            {
                await Log.ListAsync(null, 20, default);
            }
        });
        await Task.WhenAll([.. writing, reading]);

        var entries = await Log.ListAsync(null, 10_000, default);
        Assert.Equal(writers * appendsEach, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        for (var writer = 0; writer < writers; writer++)
        {
            // Each writer's entries come back newest first, in the reverse of the order it wrote them.
            var own = entries.Where(e => e.ItemId == $"writer-{writer}").Select(e => e.ToStage).ToList();
            Assert.Equal(Enumerable.Range(0, appendsEach).Reverse().Select(i => $"{i:D3}"), own);
        }
    }
}
