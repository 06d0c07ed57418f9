namespace JourneyContent.Leads;

/// <summary>A person who filled a gated form: contact fields, where they came from, their stage, and whether they were erased.</summary>
/// <remarks>After an erasure every personal field is null and <see cref="ErasedAt"/> is set; the stage and dates stay for reports.</remarks>
public sealed record Lead
{
    /// <summary>A random 128-bit identifier (hex), safe to put in signed links.</summary>
    public required string Id { get; init; }

    /// <summary>The normalised email address; null once erased.</summary>
    public string? Email { get; init; }

    /// <summary>The contact fields.</summary>
    public LeadProfile Profile { get; init; } = LeadProfile.Empty;

    /// <summary>The language of the form the lead used first (their mails are in it).</summary>
    public required string Language { get; init; }

    /// <summary>The stage the lead said they are in ("where are you in your project?"), if asked.</summary>
    public string? DeclaredStage { get; init; }

    /// <summary>The lead's current stage.</summary>
    public string? Stage { get; init; }

    /// <summary>When the address was confirmed (double opt-in), or null.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; init; }

    /// <summary>The CMS member the lead is linked to (Umbraco), or null.</summary>
    public string? MemberKey { get; init; }

    /// <summary>Where the lead came from.</summary>
    public LeadSource Source { get; init; } = LeadSource.Unknown;

    /// <summary>When the lead was first captured.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the lead's record last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The lead's last form submission or download; retention counts from it.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    /// <summary>When the lead was erased, or null.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>True once the personal data is gone.</summary>
    public bool IsErased => ErasedAt is not null;

    /// <summary>The name to greet the lead with, or null.</summary>
    public string? DisplayName => string.Join(' ', new[] { Profile.FirstName, Profile.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;
}

/// <summary>The optional contact fields of a lead.</summary>
public sealed record LeadProfile
{
    /// <summary>No field known.</summary>
    public static LeadProfile Empty { get; } = new();

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company.</summary>
    public string? Company { get; init; }

    /// <summary>Job title.</summary>
    public string? JobTitle { get; init; }

    /// <summary>Company size, one of <see cref="Forms.CompanySizes.All"/>.</summary>
    public string? CompanySize { get; init; }

    /// <summary>Country.</summary>
    public string? Country { get; init; }

    /// <summary>Phone number as typed.</summary>
    public string? Phone { get; init; }

    /// <summary>This profile with every field that <paramref name="newer"/> gives replaced by it (progressive profiling keeps what it does not give).</summary>
    public LeadProfile With(LeadProfile newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new LeadProfile
        {
            FirstName = newer.FirstName ?? FirstName,
            LastName = newer.LastName ?? LastName,
            Company = newer.Company ?? Company,
            JobTitle = newer.JobTitle ?? JobTitle,
            CompanySize = newer.CompanySize ?? CompanySize,
            Country = newer.Country ?? Country,
            Phone = newer.Phone ?? Phone,
        };
    }
}

/// <summary>Where a lead came from: the campaign parameters, the referring site and the first page they landed on.</summary>
public sealed record LeadSource
{
    /// <summary>Nothing known.</summary>
    public static LeadSource Unknown { get; } = new();

    /// <summary><c>utm_source</c>.</summary>
    public string? UtmSource { get; init; }

    /// <summary><c>utm_medium</c>.</summary>
    public string? UtmMedium { get; init; }

    /// <summary><c>utm_campaign</c>.</summary>
    public string? UtmCampaign { get; init; }

    /// <summary><c>utm_term</c>.</summary>
    public string? UtmTerm { get; init; }

    /// <summary><c>utm_content</c>.</summary>
    public string? UtmContent { get; init; }

    /// <summary>The referring page (another site), as sent by the browser.</summary>
    public string? Referrer { get; init; }

    /// <summary>The first page of the visit on this site.</summary>
    public string? LandingPage { get; init; }
}

/// <summary>What a lead agreed to, in the words shown, and when; the IP is kept only as a keyed hash.</summary>
/// <param name="Text">The consent text shown next to the checkbox.</param>
/// <param name="Version">The version of that text.</param>
/// <param name="GivenAt">When.</param>
/// <param name="IpHash">An HMAC of the visitor's IP address, or null.</param>
/// <param name="ContentId">The gated item whose form carried the consent.</param>
public sealed record ConsentRecord(string Text, string Version, DateTimeOffset GivenAt, string? IpHash, string? ContentId);

/// <summary>A gated asset a lead asked for and how often they downloaded it.</summary>
/// <param name="ContentId">The gated item.</param>
/// <param name="RequestedAt">When the form was submitted (the latest time).</param>
/// <param name="DownloadedAt">When the link was first used, or null.</param>
/// <param name="Downloads">How many times the link was used.</param>
public sealed record LeadDownload(string ContentId, DateTimeOffset RequestedAt, DateTimeOffset? DownloadedAt, int Downloads);

/// <summary>One change of a lead's stage.</summary>
/// <param name="From">The stage before, or null for the first one.</param>
/// <param name="To">The stage after.</param>
/// <param name="At">When.</param>
/// <param name="Reason">What caused it: <c>declared</c> (the form), <c>inferred</c> (reading), <c>merged</c>.</param>
public sealed record LeadStageChange(string? From, string To, DateTimeOffset At, string Reason);
