using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Sqlite;
using JourneyContent.Stages;
using JourneyContent.Tracking;
using JourneyContent.Web.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyContent.Web.Tests.Tracking;

/// <summary>The live visitor journeys over a real SQLite store, rebuilt after a restart as the replay command replays.</summary>
public sealed class VisitorJourneysTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-journeys-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly FixedContentSource _content = new(
        FixedContentSource.Item("en/why-leads-go-cold", "blog-post", "awareness"),
        FixedContentSource.Item("en/benchmark-2026", "comparison-benchmark", "consideration"),
        FixedContentSource.Item("en/pricing", "pricing", "decision"));

    private SqliteJourneyStore _store = null!;

    public async Task InitializeAsync()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "journeycontent.db") }));
        await new SqliteMigrator(connections, new FakeTimeProvider(T0), NullLogger<SqliteMigrator>.Instance).MigrateAsync();
        _store = new SqliteJourneyStore(connections);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_stored_declared_stage_the_funnel_no_longer_has_is_skipped_and_counted_on_rebuild()
    {
        await Store(
            new JourneyEvent("anna", T0, JourneyEventType.View, "en/pricing"),
            new JourneyEvent("anna", T0.AddMinutes(1), JourneyEventType.DeclaredStage, declaredStage: "advocacy"));
        var journeys = Journeys(FourStageEngine());

        var estimate = await journeys.EstimateAsync("anna", T0.AddMinutes(2));

        Assert.Equal("decision", estimate.Stage?.Key);
        Assert.Equal((2L, 0L, 1L), (journeys.Replayed.Events, journeys.Replayed.UnknownContent, journeys.Replayed.UnknownStages));
    }

    [Fact]
    public async Task Stored_events_on_content_that_was_removed_are_applied_without_content_and_counted()
    {
        await Store(
            new JourneyEvent("ben", T0, JourneyEventType.View, "en/removed-page"),
            new JourneyEvent("ben", T0.AddMinutes(1), JourneyEventType.View, "en/benchmark-2026"));
        var journeys = Journeys(StageInferenceEngine.Default);

        var estimate = await journeys.EstimateAsync("ben", T0.AddMinutes(2));

        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Equal((2L, 1L, 0L), (journeys.Replayed.Events, journeys.Replayed.UnknownContent, journeys.Replayed.UnknownStages));
    }

    [Fact]
    public async Task A_stored_event_of_a_type_this_version_does_not_know_is_left_out_and_counted_on_rebuild()
    {
        await Store(new JourneyEvent("cleo", T0, JourneyEventType.View, "en/benchmark-2026"));
        // As a newer version (or a removed event type) would have left it in the table.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "journeycontent.db")};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO journey_events (visitor_id, at, type, content_id) VALUES ('cleo', '2026-03-02T09:01:00.0000000Z', 'hologram_view', 'en/pricing')";
            insert.ExecuteNonQuery();
        }

        var journeys = Journeys(StageInferenceEngine.Default);

        var estimate = await journeys.EstimateAsync("cleo", T0.AddMinutes(2));

        Assert.Equal("consideration", estimate.Stage?.Key);
        Assert.Equal((1L, 1L), (journeys.Replayed.Events, journeys.Replayed.UnknownTypes));
        Assert.Equal(1, (await _store.EventsOfAsync("cleo", default)).UnknownTypes);
    }

    [Theory]
    [InlineData(JourneyEventType.Engaged, "decision", RecordStatus.UnexpectedStage)]
    [InlineData(JourneyEventType.CtaClick, "awareness", RecordStatus.UnexpectedStage)]
    [InlineData(JourneyEventType.DeclaredStage, null, RecordStatus.UnknownStage)]
    [InlineData(JourneyEventType.DeclaredStage, "advocacy", RecordStatus.UnknownStage)]
    public async Task An_event_with_a_stage_it_cannot_have_is_refused_and_changes_nothing(JourneyEventType type, string? stage, RecordStatus expected)
    {
        var journeys = Journeys(FourStageEngine());

        var outcome = await journeys.RecordAsync("carl", T0, type, "en/pricing", stage);

        Assert.Equal((expected, (JourneyEvent?)null), (outcome.Status, outcome.Event));
        Assert.Empty(outcome.Transitions);
        Assert.False(journeys.IsInMemory("carl"));
    }

    [Fact]
    public async Task A_visitor_rebuilt_from_the_store_stands_where_the_live_one_stood_and_where_the_replay_command_puts_them()
    {
        var live = Journeys(StageInferenceEngine.Default);
        var history = new List<JourneyEvent>();
        foreach (var (minutes, type, content, stage) in new (int, JourneyEventType, string?, string?)[]
        {
            (0, JourneyEventType.View, "en/why-leads-go-cold", null),
            (3, JourneyEventType.Engaged, "en/why-leads-go-cold", null),
            (60 * 24, JourneyEventType.View, "en/benchmark-2026", null),
            (60 * 24 * 3, JourneyEventType.DeclaredStage, null, "decision"),
            (60 * 24 * 4, JourneyEventType.View, "en/pricing", null),
        })
        {
            var outcome = await live.RecordAsync("dora", T0.AddMinutes(minutes), type, content, stage);
            history.Add(outcome.Event!.Value);
        }

        await Store([.. history]);
        var asOf = T0.AddDays(5);
        var rebuilt = await Journeys(StageInferenceEngine.Default).EstimateAsync("dora", asOf);
        var replayed = new JourneyReplayer(StageInferenceEngine.Default, ContentSignalIndex.Create(StageInferenceEngine.Default.Model, _content.Current.Items))
            .Replay(history, asOf).Visitors.Single();
        var before = await live.EstimateAsync("dora", asOf);

        Assert.Equal((before.Stage?.Key, before.Confidence), (rebuilt.Stage?.Key, rebuilt.Confidence));
        Assert.Equal((replayed.Stage?.Key, replayed.Confidence), (rebuilt.Stage?.Key, rebuilt.Confidence));
    }

    private static StageInferenceEngine FourStageEngine() => new(CompiledInferenceModel.Compile(StageModel.Create(new StageModelSettings
    {
        Stages = [.. new[] { "awareness", "consideration", "decision", "loyalty" }.Select(k => new StageSettings { Key = k })],
    })));

    private VisitorJourneys Journeys(StageInferenceEngine engine) => new(engine, _content, _store, 100);

    private Task Store(params JourneyEvent[] events) => _store.AppendAsync(events, Array.Empty<StoredTransition>(), CancellationToken.None);
}
