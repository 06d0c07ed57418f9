using JourneyContent.Leads;
using JourneyContent.Tracking;
using JourneyContent.Web.Tracking;

namespace JourneyContent.Web.Forms;

/// <summary>The lead capture's view of tracking, over this host's <see cref="JourneyTracker"/>.</summary>
internal sealed class TrackerLeadJourney(JourneyTracker tracker) : ILeadJourney
{
    public async Task RecordSubmissionAsync(string visitorId, DateTimeOffset at, string contentId, string? declaredStage)
    {
        await tracker.RecordAsync(visitorId, at, JourneyEventType.FormSubmit, contentId);
        if (declaredStage is not null)
        {
            await tracker.RecordAsync(visitorId, at, JourneyEventType.DeclaredStage, contentId, declaredStage);
        }
    }

    public async Task<string?> StageAsync(string visitorId) => (await tracker.EstimateAsync(visitorId)).Stage?.Key;

    public Task MergeAsync(string visitorId, IReadOnlyList<string> others) => tracker.MergeAsync(visitorId, others);
}
