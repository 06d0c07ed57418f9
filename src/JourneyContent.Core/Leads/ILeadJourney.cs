namespace JourneyContent.Leads;

/// <summary>What capturing a lead needs of visitor tracking: record the submission, read the stage, merge devices.</summary>
/// <remarks>The host implements it over its tracker; every call is for a visitor that tracking already allowed.</remarks>
public interface ILeadJourney
{
    /// <summary>Records that <paramref name="visitorId"/> sent the form of <paramref name="contentId"/>, with the stage they declared.</summary>
    Task RecordSubmissionAsync(string visitorId, DateTimeOffset at, string contentId, string? declaredStage);

    /// <summary>The stage key inferred for the visitor now, or null.</summary>
    Task<string?> StageAsync(string visitorId);

    /// <summary>Merges the histories of the lead's other visitor ids into <paramref name="visitorId"/>.</summary>
    Task MergeAsync(string visitorId, IReadOnlyList<string> others);
}
