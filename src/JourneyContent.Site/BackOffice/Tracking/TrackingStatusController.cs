using JourneyContent.Journeys;
using JourneyContent.Web.Tracking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JourneyContent.Site.BackOffice.Tracking;

/// <summary>The tracking pipeline's health for admins: what was queued, written and dropped since start, and what is stored.</summary>
[Route(BackOfficeRoutes.Root)]
[Authorize(Policy = BackOfficePolicies.Admins)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class TrackingStatusController(TrackingMetrics metrics, JourneyEventQueue queue, IJourneyStore store, IOptions<TrackingOptions> options) : Controller
{
    /// <summary>The status page.</summary>
    [HttpGet("tracking")]
    public async Task<IActionResult> Index() => View(BackOfficeViews.Tracking, await StatusAsync());

    /// <summary>The same figures as JSON, for monitoring.</summary>
    [HttpGet("api/tracking")]
    public async Task<IActionResult> Api() => Ok(await StatusAsync());

    private async Task<TrackingStatus> StatusAsync() => new(
        metrics.Queued, metrics.Written, metrics.Dropped, queue.Pending, await store.CountEventsAsync(HttpContext.RequestAborted),
        options.Value.ConsentRequired, options.Value.QueueCapacity);
}

/// <summary>The figures of the tracking status page.</summary>
public sealed record TrackingStatus(long Queued, long Written, long Dropped, int Pending, long Stored, bool ConsentRequired, int QueueCapacity);
