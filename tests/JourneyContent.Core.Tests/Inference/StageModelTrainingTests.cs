using JourneyContent.Content;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Tracking;
using Microsoft.Extensions.Time.Testing;
using static JourneyContent.Core.Tests.Inference.InferenceKit;

namespace JourneyContent.Core.Tests.Inference;

public sealed class StageModelTrainingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jc-training-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_second_fit_while_one_runs_is_refused_and_the_first_one_s_outcome_is_kept()
    {
        var store = new HeldStore();
        var training = new StageModelTraining(new StageInferenceEngine(CompiledInferenceModel.Default), store, new OneSnapshot(), new FakeTimeProvider(T0), new DataFolder(_folder));

        Assert.True(training.TryStartStoredHistoryFit());
        var running = Assert.IsType<Task<StageModelTrainingResult>>(training.Running, exactMatch: false);
        Assert.False(training.TryStartStoredHistoryFit());
        Assert.Equal(StageModelTrainingRefusal.AlreadyRunning, (await training.FitStoredHistoryAsync(null, CancellationToken.None)).Refusal);

        store.Release.SetResult();
        var result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(training.Running);
        Assert.Same(result, training.Latest);
        Assert.False(result.Fitted);
        Assert.Contains("too little history", result.Report?.Reason, StringComparison.Ordinal);
        Assert.Equal(T0, result.FinishedAt);
        Assert.True(training.TryStartStoredHistoryFit());
    }

    [Fact]
    public async Task Without_a_data_folder_nothing_is_fitted_and_the_reason_is_given()
    {
        var training = new StageModelTraining(new StageInferenceEngine(CompiledInferenceModel.Default), new HeldStore(), new OneSnapshot(), new FakeTimeProvider(T0));

        Assert.False(training.TryStartStoredHistoryFit());
        Assert.Equal(StageModelTrainingRefusal.NoDataFolder, training.Latest?.Refusal);
        Assert.Equal(StageModelTrainingRefusal.NoDataFolder, (await training.FitStoredHistoryAsync(null, CancellationToken.None)).Refusal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class OneSnapshot : IContentSource
    {
        public ContentSnapshot Current { get; } = new([Item("en/post", "blog-post", "awareness")], [], T0);

        public event EventHandler<ContentChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }
    }

    // A store whose history is read only once the test releases it, so that a fit is surely running meanwhile.
    private sealed class HeldStore : IJourneyStore
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async IAsyncEnumerable<JourneyEvent> ReadAllEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Release.Task.WaitAsync(cancellationToken);
            yield return new JourneyEvent("v1", T0, JourneyEventType.View, "en/post");
        }

        public Task AppendAsync(IReadOnlyList<JourneyEvent> events, IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredEvents> EventsOfAsync(string visitorId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredTransition>> TransitionsOfAsync(string visitorId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> CountEventsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> RemoveBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
