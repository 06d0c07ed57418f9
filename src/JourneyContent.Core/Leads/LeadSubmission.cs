using JourneyContent.Content;
using JourneyContent.Forms;

namespace JourneyContent.Leads;

/// <summary>One gated form sent by a visitor, as plain values the host read from its request.</summary>
public sealed record LeadSubmission
{
    /// <summary>The gated item the form is for.</summary>
    public required ContentItem Item { get; init; }

    /// <summary>The form the item asks.</summary>
    public required FormDefinition Form { get; init; }

    /// <summary>The values sent.</summary>
    public required FormInput Input { get; init; }

    /// <summary>True when the honeypot field (hidden from people) was filled.</summary>
    public bool HoneypotFilled { get; init; }

    /// <summary>The form's stamp as sent back (<see cref="FormStamp"/>).</summary>
    public string? Stamp { get; init; }

    /// <summary>The tracking visitor id, when tracking is allowed; null otherwise.</summary>
    public string? VisitorId { get; init; }

    /// <summary>The keyed hash of the client's IP address, kept with the consent, or null.</summary>
    public string? IpHash { get; init; }

    /// <summary>The signed-in CMS member, if any.</summary>
    public string? MemberKey { get; init; }

    /// <summary>Campaign parameters and referrer sent with the form.</summary>
    public LeadSource Source { get; init; } = LeadSource.Unknown;

    /// <summary>The consent text shown, in the visitor's language (recorded with the consent).</summary>
    public required string ConsentText { get; init; }

    /// <summary>The trusted absolute address mail links are built on (<c>https://www.example.com</c>).</summary>
    public required string LinkBase { get; init; }

    /// <summary>When the form was received.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>What became of a <see cref="LeadSubmission"/>.</summary>
public abstract record LeadSubmissionOutcome
{
    private LeadSubmissionOutcome()
    {
    }

    /// <summary>Stored and mailed. <paramref name="DownloadToken"/> is null while the address awaits confirmation (double opt-in).</summary>
    /// <param name="Lead">The lead as stored.</param>
    /// <param name="DownloadToken">The download link's token, or null.</param>
    /// <param name="Notification">What to publish to the site's handlers.</param>
    public sealed record Accepted(Lead Lead, string? DownloadToken, LeadCaptured Notification) : LeadSubmissionOutcome;

    /// <summary>Refused: the errors by field, or <paramref name="Expired"/> when the form must be sent again. Nothing stored.</summary>
    public sealed record Invalid(IReadOnlyDictionary<FormField, FormError> Errors, bool Expired) : LeadSubmissionOutcome;

    /// <summary>Taken for a robot's (<c>honeypot</c>, <c>too-fast</c>): nothing stored.</summary>
    public sealed record Refused(string Reason) : LeadSubmissionOutcome;

    /// <summary>Too many submissions for this address: nothing stored; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : LeadSubmissionOutcome;

    /// <summary>The store refused the write (busy beyond its retry budget, read-only): nothing stored, the visitor may send again.</summary>
    public sealed record StoreUnavailable(Exception Error) : LeadSubmissionOutcome;
}

/// <summary>What is known of a visitor before their form is shown or taken.</summary>
/// <param name="Lead">The lead the visitor was merged into, or null for an unknown visitor.</param>
/// <param name="AskConsent">False when the lead already agreed to the consent version in force.</param>
public sealed record KnownVisitor(Lead? Lead, bool AskConsent)
{
    /// <summary>The fields the lead already gave, which the form does not ask again.</summary>
    public IReadOnlySet<FormField> KnownFields => Lead is null ? new HashSet<FormField>() : FormValidator.KnownFields(Lead.Profile);
}
