namespace JourneyContent.Web.Tracking;

/// <summary>The <c>JourneyContent:Tracking</c> and <c>JourneyContent:Consent</c> settings.</summary>
public sealed class TrackingOptions
{
    /// <summary>Whether visitors must accept tracking before any cookie is set or event stored (default true, as French and EU rules require).</summary>
    public bool ConsentRequired { get; set; } = true;

    /// <summary>How many events may wait for the database; beyond that, events are dropped and counted, never blocking a request.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The most events written in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How many visitors' states are kept in memory; beyond that the least recently active are dropped and rebuilt from the store when they return.</summary>
    public int MaxVisitorsInMemory { get; set; } = 100_000;

    /// <summary>How long the consent choice is remembered.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromDays(180);
}
