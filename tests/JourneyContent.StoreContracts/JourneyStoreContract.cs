using JourneyContent.Journeys;
using JourneyContent.Tracking;

namespace JourneyContent.StoreContracts;

/// <summary>
/// What every <see cref="IJourneyStore"/> does, whatever the database: each provider's test project derives from this
/// class and gives it a store on a new, migrated database.
/// </summary>
public abstract class JourneyStoreContract : IAsyncLifetime
{
    /// <summary>A Monday morning in March 2026, the data set's first instant.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IJourneyStore? _store;

    /// <summary>The store under test.</summary>
    protected IJourneyStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A store on a new, migrated, empty database.</summary>
    protected abstract Task<IJourneyStore> CreateStoreAsync();

    /// <summary>Removes the database of <see cref="CreateStoreAsync"/>.</summary>
    protected abstract Task DeleteStoreAsync();

    /// <summary>Writes an event row with a raw type key, as a newer version of the module could have.</summary>
    protected abstract Task InsertRawEventAsync(string visitorId, DateTimeOffset at, string type, string? contentId);

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => DeleteStoreAsync();

    [Fact]
    public async Task Retention_at_the_start_of_a_month_removes_every_event_and_transition_before_it_and_nothing_after()
    {
        var march = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await Store.AppendAsync(
        [
            new JourneyEvent("visitor-a", march.AddDays(-45), JourneyEventType.View, "en/blog"),
            new JourneyEvent("visitor-a", march.AddTicks(-10), JourneyEventType.View, "en/pricing"),
            new JourneyEvent("visitor-a", march, JourneyEventType.View, "en/trial"),
            new JourneyEvent("visitor-b", march.AddDays(3), JourneyEventType.View, "en/blog"),
        ],
        [
            new StoredTransition("visitor-a", null, "awareness", march.AddDays(-45), "en/blog", "Evidence"),
            new StoredTransition("visitor-a", "awareness", "decision", march, "en/trial", "Evidence"),
        ], CancellationToken.None);

        var removed = await Store.RemoveBeforeAsync(march, CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Equal(["en/trial"], (await Store.EventsOfAsync("visitor-a", CancellationToken.None)).Select(e => e.Content));
        Assert.Equal(["decision"], (await Store.TransitionsOfAsync("visitor-a", CancellationToken.None)).Select(t => t.ToStage));
        Assert.Equal(2, await Store.CountEventsAsync(CancellationToken.None));
        Assert.Equal(0, await Store.RemoveBeforeAsync(march, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_all_events_streams_them_visitor_by_visitor_oldest_first_without_unknown_types()
    {
        await Store.AppendAsync(
        [
            new JourneyEvent("visitor-b", T0, JourneyEventType.View, "en/pricing"),
            new JourneyEvent("visitor-a", T0.AddMinutes(1), JourneyEventType.View, "en/blog"),
            new JourneyEvent("visitor-b", T0.AddMinutes(2), JourneyEventType.DeclaredStage, null, "decision"),
            new JourneyEvent("visitor-a", T0.AddMinutes(3), JourneyEventType.Engaged, "en/blog"),
        ], [], CancellationToken.None);
        await InsertRawEventAsync("visitor-a", T0.AddMinutes(5), "hologram_view", "en/blog");

        var all = new List<JourneyEvent>();
        await foreach (var e in Store.ReadAllEventsAsync(CancellationToken.None))
        {
            all.Add(e);
        }

        Assert.Equal(
            [("visitor-a", JourneyEventType.View, "en/blog"), ("visitor-a", JourneyEventType.Engaged, "en/blog"), ("visitor-b", JourneyEventType.View, "en/pricing"), ("visitor-b", JourneyEventType.DeclaredStage, (string?)null)],
            all.Select(e => (e.VisitorId, e.Type, e.Content)));
        Assert.Equal("decision", all[3].DeclaredStage);
        Assert.Equal(T0.AddMinutes(3), all[1].Timestamp);
    }

    [Fact]
    public async Task A_visitors_events_come_back_in_the_order_written_with_unknown_types_counted_not_returned()
    {
        // Written out of time order and across two months: the order of writing is the order read.
        var april = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2));
        await Store.AppendAsync(
        [
            new JourneyEvent("v", T0.AddDays(20), JourneyEventType.View, "en/a"),
            new JourneyEvent("other", T0, JourneyEventType.View, "en/b"),
        ], [], default);
        await Store.AppendAsync([new JourneyEvent("v", april, JourneyEventType.Download, "en/paper"), new JourneyEvent("v", T0, JourneyEventType.CtaClick, "en/a")], [], default);
        await InsertRawEventAsync("v", T0.AddDays(1), "hologram_view", null);

        var events = await Store.EventsOfAsync("v", default);

        Assert.Equal([JourneyEventType.View, JourneyEventType.Download, JourneyEventType.CtaClick], events.Select(e => e.Type));
        Assert.Equal([T0.AddDays(20), april, T0], events.Select(e => e.Timestamp));
        Assert.All(events, e => Assert.Equal("v", e.VisitorId));
        Assert.Equal(1, events.UnknownTypes);
        Assert.Empty(await Store.EventsOfAsync("nobody", default));
    }

    [Fact]
    public async Task Transitions_come_back_for_their_visitor_oldest_first_with_empty_fields_kept_empty()
    {
        await Store.AppendAsync([],
        [
            new StoredTransition("v", null, "awareness", T0, null, "first event"),
            new StoredTransition("w", null, "decision", T0, "en/trial", "declared"),
            new StoredTransition("v", "awareness", "consideration", T0.AddHours(2), "en/benchmark", "evidence"),
        ], default);

        var transitions = await Store.TransitionsOfAsync("v", default);

        Assert.Equal(
            [
                new StoredTransition("v", null, "awareness", T0, null, "first event"),
                new StoredTransition("v", "awareness", "consideration", T0.AddHours(2), "en/benchmark", "evidence"),
            ],
            transitions);
    }

    [Fact]
    public async Task Events_are_counted_and_an_empty_batch_changes_nothing()
    {
        await Store.AppendAsync([], [], default);
        Assert.Equal(0, await Store.CountEventsAsync(default));

        await Store.AppendAsync(
            Enumerable.Range(0, 2500).Select(i => new JourneyEvent("v" + (i % 7), T0.AddSeconds(i), JourneyEventType.View, "en/" + (i % 13))).ToList(),
            [new StoredTransition("v1", null, "awareness", T0, null, "first event")],
            default);

        Assert.Equal(2500, await Store.CountEventsAsync(default));
        Assert.Equal(Enumerable.Range(0, 2500).Where(i => i % 7 == 3).Select(i => T0.AddSeconds(i)), (await Store.EventsOfAsync("v3", default)).Select(e => e.Timestamp));
    }
}
