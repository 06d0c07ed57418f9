namespace JourneyContent.Leads;

/// <summary>The rules of a gated form submission, as the host configured them.</summary>
public sealed record LeadFormSettings
{
    /// <summary>When true, the download link is mailed only after the address is confirmed.</summary>
    public bool DoubleOptIn { get; init; }

    /// <summary>A form sent sooner than this after it was shown is taken for a robot's.</summary>
    public TimeSpan MinimumFillTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long an address confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The version of the consent text in force.</summary>
    public string ConsentVersion { get; init; } = "2026-11";

    /// <summary>Submissions accepted per email address in <see cref="RateLimitWindow"/>.</summary>
    public int PerEmailLimit { get; init; } = 5;

    /// <summary>The window of the per-address limit.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The name mails are signed with.</summary>
    public string SiteName { get; init; } = "JourneyContent";
}
