using System.Security.Claims;
using JourneyContent.Inference;
using JourneyContent.Journeys;
using JourneyContent.Site.BackOffice.Localization;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Tracking;

/// <summary>The tracking pipeline's health for admins: what was queued, written and dropped since start, and what is stored; and the stage model in force, with "fit now".</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Admins)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class TrackingStatusController(
    TrackingMetrics metrics,
    JourneyEventQueue queue,
    IJourneyStore store,
    IOptions<TrackingOptions> options,
    StageInferenceEngine engine,
    StageModelTraining training,
    IOptions<StageModelRefitOptions> refit,
    IStringLocalizer<BackOfficeStrings> texts,
    ILogger<TrackingStatusController> logger,
    DataFolder? folder = null) : Controller
{
    /// <summary>The status page.</summary>
    [HttpGet("tracking")]
    public async Task<IActionResult> Index() => View(BackOfficeViews.Tracking, await StatusAsync());

    /// <summary>The same figures as JSON, for monitoring.</summary>
    [HttpGet("api/tracking")]
    public async Task<IActionResult> Api() => Ok(await StatusAsync());

    /// <summary>Starts a fit of the stage model on the stored history; the page shows its outcome when it is done.</summary>
    [HttpPost("tracking/fit")]
    public IActionResult Fit()
    {
        var who = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "unknown";
        var started = training.TryStartStoredHistoryFit();
        logger.LogInformation("{Admin} asked for a stage-model fit: {Outcome}", who, started ? "started" : "not started");
        TempData["Message"] = started ? texts["Tracking.Fit.Started"].Value : Describe(training.Latest) ?? texts["Tracking.Fit.Running"].Value;
        return RedirectToAction(nameof(Index));
    }

    private string? Describe(StageModelTrainingResult? result)
    {
        string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);
        return result switch
        {
            null => null,
            { Refusal: StageModelTrainingRefusal.NoDataFolder } => texts["Tracking.Fit.NoDataFolder"].Value,
            { Failure: { } failure } => texts["Tracking.Fit.Failed", failure].Value,
            { Fitted: true } => texts["Tracking.Fit.Done", N(result.History!.Events), N(result.History.Visitors.Count), Path.GetFileName(result.SavedTo!)].Value,
            _ => texts["Tracking.Fit.TooLittle", N(result.History?.Events ?? 0)].Value,
        };
    }

    private async Task<TrackingStatus> StatusAsync()
    {
        var latent = engine.Model.Latent;
        var newest = folder is null ? null : LatentModelFile.Newest(folder);
        return new(
            metrics.Queued, metrics.Written, metrics.Dropped, queue.Pending, await store.CountEventsAsync(HttpContext.RequestAborted),
            options.Value.ConsentRequired, options.Value.QueueCapacity,
            new StageModelStatus(
                latent.Catalogue.ItemCount > 0, newest is null ? null : Path.GetFileName(newest), latent.SessionGap, refit.Value.Interval,
                training.Running is not null, Describe(training.Latest), training.Latest?.FinishedAt));
    }
}

/// <summary>The figures of the tracking status page.</summary>
public sealed record TrackingStatus(long Queued, long Written, long Dropped, int Pending, long Stored, bool ConsentRequired, int QueueCapacity, StageModelStatus StageModel);

/// <summary>The stage model in force: fitted or the documented priors, its file, its session gap, and the re-fit schedule.</summary>
public sealed record StageModelStatus(bool Fitted, string? NewestFile, TimeSpan SessionGap, TimeSpan? RefitInterval, bool FitRunning, string? LatestFit, DateTimeOffset? LatestFitAt);
