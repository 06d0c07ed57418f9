using JourneyContent.Content;
using JourneyContent.Journeys;
using JourneyContent.Tracking;

namespace JourneyContent.Inference;

/// <summary>What one fit of the stage model on the stored history did.</summary>
/// <param name="Report">The fitter's report (log-likelihoods, held-out figures, and whether the priors were kept); null when no fit ran.</param>
/// <param name="History">The history read: events kept, and those skipped for unknown content or stages; null when no fit ran.</param>
/// <param name="SavedTo">The model file written and put in force, or null when none was (too little history, or no fit).</param>
/// <param name="Refusal">Why no fit ran (<see cref="StageModelTrainingRefusal.None"/> when one did).</param>
public sealed record StageModelTrainingResult(LatentFitReport? Report, LatentHistory? History, string? SavedTo, StageModelTrainingRefusal Refusal)
{
    /// <summary>Why the fit failed (the store could not be read, the file not written), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>When it finished (UTC).</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Whether a fitted model was saved and is now in force.</summary>
    public bool Fitted => SavedTo is not null;
}

/// <summary>Why a fit of the stage model did not run.</summary>
public enum StageModelTrainingRefusal
{
    /// <summary>It ran.</summary>
    None,

    /// <summary>Another fit is running on this instance.</summary>
    AlreadyRunning,

    /// <summary>The site has no data folder to keep model files in.</summary>
    NoDataFolder,
}

/// <summary>Fits the latent-stage model on the site's whole stored history, saves it as the newest model file and puts it in force.</summary>
/// <remarks>
/// <para>One use case for every caller: the <c>fit</c> command without <c>--events</c>, <c>seed-demo</c> after seeding,
/// the back office's "fit now" and the optional re-fit schedule. The events stream from the store; the fitter keeps one
/// visitor's sessions and the expected counts in memory per pass, and the history itself about 24 bytes per event.</para>
/// <para>With too little history the priors stay in force and no file is written (the report says why). One fit runs at a
/// time per instance; a second caller is told so rather than queued, because a fit takes seconds to minutes.</para>
/// </remarks>
public sealed class StageModelTraining(StageInferenceEngine engine, IJourneyStore store, IContentSource content, TimeProvider time, DataFolder? folder = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Task<StageModelTrainingResult>? _background;

    /// <summary>The fit started by <see cref="TryStartStoredHistoryFit"/> that is running, or null.</summary>
    public Task<StageModelTrainingResult>? Running => _background is { IsCompleted: false } running ? running : null;

    private volatile StageModelTrainingResult? _latest;

    /// <summary>The outcome of the latest fit of this instance (with <see cref="StageModelTrainingResult.FinishedAt"/>); null before the first.</summary>
    public StageModelTrainingResult? Latest => _latest;

    /// <summary>Starts a fit on the stored history in the background (an admin's "fit now": a long fit must not hold a request).</summary>
    /// <returns>False when a fit is already running on this instance.</returns>
    public bool TryStartStoredHistoryFit()
    {
        if (folder is null)
        {
            Record(new StageModelTrainingResult(null, null, null, StageModelTrainingRefusal.NoDataFolder));
            return false;
        }

        if (!_gate.Wait(0))
        {
            return false;
        }

        _background = Task.Run(async () =>
        {
            try
            {
                return await RunHeldAsync(content.Current.Items, StoredHistory(CancellationToken.None), null, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Nobody awaits a background fit but the page: its failure is its result, and the model in force stays.
                return Record(new StageModelTrainingResult(null, null, null, StageModelTrainingRefusal.None) { Failure = ex.Message });
            }
            finally
            {
                _gate.Release();
            }
        });
        return true;
    }

    /// <summary>Fits on the whole stored history, saves the newest model file and puts it in force.</summary>
    /// <param name="log">Receives the fitter's progress lines.</param>
    /// <param name="cancellationToken">Stops reading the history.</param>
    /// <param name="saveTo">Where to write the model file instead (it is then not put in force), or null.</param>
    public Task<StageModelTrainingResult> FitStoredHistoryAsync(Action<string>? log, CancellationToken cancellationToken, string? saveTo = null) =>
        RunAsync(
            content.Current.Items,
            StoredHistory(cancellationToken),
            saveTo,
            log,
            cancellationToken);

    /// <summary>Fits on <paramref name="events"/> (an events file, or a history not yet stored) over <paramref name="catalog"/> (by default the site's content).</summary>
    /// <param name="events">The history; made from the signal index it is given, so that its content ids are resolved as the fit resolves them.</param>
    /// <param name="catalog">The content the events are about, or null for the site's.</param>
    /// <param name="saveTo">Where to write the model file, or null for the newest file in the data folder, which is then put in force.</param>
    /// <param name="log">Receives the fitter's progress lines.</param>
    /// <param name="cancellationToken">Stops reading the history.</param>
    public Task<StageModelTrainingResult> FitAsync(
        Func<ContentSignalIndex, IEnumerable<JourneyEvent>> events, IReadOnlyList<ContentItem>? catalog, string? saveTo, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return RunAsync(catalog ?? content.Current.Items, (model, index, catalogue) => Task.FromResult(LatentHistory.Read(events(index), model, index, catalogue)), saveTo, log, cancellationToken);
    }

    private async Task<StageModelTrainingResult> RunAsync(
        IReadOnlyList<ContentItem> items,
        Func<CompiledInferenceModel, ContentSignalIndex, LatentCatalogue, Task<LatentHistory>> read,
        string? saveTo,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        if (saveTo is null && folder is null)
        {
            return Record(new StageModelTrainingResult(null, null, null, StageModelTrainingRefusal.NoDataFolder));
        }

        if (!await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return new StageModelTrainingResult(null, null, null, StageModelTrainingRefusal.AlreadyRunning);
        }

        try
        {
            return await RunHeldAsync(items, read, saveTo, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Func<CompiledInferenceModel, ContentSignalIndex, LatentCatalogue, Task<LatentHistory>> StoredHistory(CancellationToken cancellationToken) =>
        (model, index, catalogue) => LatentHistory.ReadAsync(store.ReadAllEventsAsync(cancellationToken), model, index, catalogue, cancellationToken);

    private StageModelTrainingResult Record(StageModelTrainingResult result) => _latest = result with { FinishedAt = time.GetUtcNow() };

    // Runs with the gate held by the caller.
    private async Task<StageModelTrainingResult> RunHeldAsync(
        IReadOnlyList<ContentItem> items,
        Func<CompiledInferenceModel, ContentSignalIndex, LatentCatalogue, Task<LatentHistory>> read,
        string? saveTo,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        var model = engine.Model;
        var catalogue = model.CatalogueOf(items);
        var index = ContentSignalIndex.Create(model, items);
        var history = await read(model, index, catalogue).ConfigureAwait(false);
        var priors = new LatentStagePriors(catalogue, model.TrialStage?.Order ?? -1, model.CustomerStage?.Order ?? -1);

        // CPU-bound for seconds: off the caller's thread, so a request or the host's timer is not held.
        var report = await Task.Run(() => LatentStageFitter.Fit(priors, () => history.Visitors, log: log), cancellationToken).ConfigureAwait(false);
        if (report.UsedPriors)
        {
            return Record(new StageModelTrainingResult(report, history, null, StageModelTrainingRefusal.None));
        }

        var now = time.GetUtcNow();
        var path = saveTo ?? LatentModelFile.NewPath(folder!, now);
        LatentModelFile.Save(report.Model, path, now);
        if (saveTo is null)
        {
            engine.UseLatent(report.Model);
        }

        return Record(new StageModelTrainingResult(report, history, path, StageModelTrainingRefusal.None));    }
}
