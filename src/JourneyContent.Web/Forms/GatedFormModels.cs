using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Stages;

namespace JourneyContent.Web.Forms;

/// <summary>Everything a theme needs to render a gated asset's form, first or again with errors.</summary>
/// <param name="Item">The gated item.</param>
/// <param name="Fields">The optional fields to show, in order (those a known lead gave are left out).</param>
/// <param name="Required">The fields that must be filled.</param>
/// <param name="AskConsent">False when the lead already agreed to the current consent text.</param>
/// <param name="ConsentText">The consent text, in the page's language.</param>
/// <param name="PrivacyPolicyUrl">The privacy policy's address.</param>
/// <param name="Stages">The answers of the project question.</param>
/// <param name="Stamp">A signed note of when the form was shown (for the minimum fill time).</param>
public sealed record GatedFormModel(
    ContentItem Item, IReadOnlyList<FormField> Fields, IReadOnlySet<FormField> Required, bool AskConsent, string ConsentText,
    string PrivacyPolicyUrl, IReadOnlyList<Stage> Stages, string Stamp)
{
    /// <summary>The values to show (the visitor's input after an error, or what is known of a lead).</summary>
    public IReadOnlyDictionary<FormField, string?> Values { get; init; } = new Dictionary<FormField, string?>();

    /// <summary>Whether the consent box is shown ticked: the visitor ticked it before the form came back with an error elsewhere.</summary>
    public bool ConsentTicked { get; init; }

    /// <summary>The error of each refused field.</summary>
    public IReadOnlyDictionary<FormField, FormError> Errors { get; init; } = new Dictionary<FormField, FormError>();

    /// <summary>An error about the form as a whole (expired, refused), or null.</summary>
    public string? FormErrorKey { get; init; }

    /// <summary>The known lead's name, to greet them, or null.</summary>
    public string? KnownName { get; init; }

    /// <summary>Campaign parameters, referrer and landing page to send with the form.</summary>
    public LeadSource Source { get; init; } = LeadSource.Unknown;

    /// <summary>The value of a field to show.</summary>
    public string? Value(FormField field) => Values.GetValueOrDefault(field);

    /// <summary>The error of a field, or null.</summary>
    public FormError? Error(FormField field) => Errors.TryGetValue(field, out var error) ? error : null;
}

/// <summary>What became of a form submission.</summary>
public abstract record FormOutcome
{
    private FormOutcome()
    {
    }

    /// <summary>Refused: show the form again with the errors and the visitor's input.</summary>
    public sealed record Invalid(GatedFormModel Form) : FormOutcome;

    /// <summary>Taken for a robot's (honeypot filled, sent too fast): nothing stored.</summary>
    public sealed record Rejected(string Reason) : FormOutcome;

    /// <summary>Too many submissions for this address: try again later.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : FormOutcome;

    /// <summary>The store could not take the lead (busy, read-only): nothing stored; show the form again with the input (503).</summary>
    public sealed record Unavailable(GatedFormModel Form) : FormOutcome;

    /// <summary>Stored and mailed. <paramref name="DownloadToken"/> is null while the address awaits confirmation (double opt-in).</summary>
    public sealed record Accepted(Lead Lead, ContentItem Item, string? DownloadToken) : FormOutcome;
}
