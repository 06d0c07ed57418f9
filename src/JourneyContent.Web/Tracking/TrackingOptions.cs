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

    /// <summary>How many times the writer tries to store a batch before it drops the batch and refuses new events (at least 1).</summary>
    public int WriteAttempts { get; set; } = 3;

    /// <summary>The pause before the second try of a batch; each later try waits one more such step.</summary>
    public TimeSpan WriteRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// After a batch could not be stored, how long <c>POST /api/journey/events</c> answers 503 with this <c>Retry-After</c>
    /// instead of accepting events it cannot keep. Events recorded by the server (page views) still flow, so the next batch
    /// that is stored ends the refusal at once; otherwise events are accepted again when the time is up.
    /// </summary>
    public TimeSpan StoreRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the consent choice is remembered.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Remove tracked events and stage transitions older than this many months, once a day; 0 (the default) keeps them.
    /// On PostgreSQL whole months go, so up to a month more is kept.
    /// </summary>
    public int EventRetentionMonths { get; set; }
}
