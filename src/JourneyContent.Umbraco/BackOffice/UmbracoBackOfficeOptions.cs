namespace JourneyContent.Umbraco.BackOffice;

/// <summary>Who may use the package's back-office API, bound from <c>JourneyContent:Umbraco:BackOffice</c>.</summary>
public sealed class UmbracoBackOfficeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "JourneyContent:Umbraco:BackOffice";

    /// <summary>
    /// The authentication scheme that reads back-office users' tokens. Umbraco 14+ validates its back-office bearer
    /// tokens with OpenIddict's validation handler, whose scheme this is.
    /// </summary>
    public string AuthenticationScheme { get; set; } = "OpenIddict.Validation.AspNetCore";

    /// <summary>The back-office section whose users may pick stages and ask for suggestions.</summary>
    public string EditorSection { get; set; } = "content";

    /// <summary>The user groups (aliases) whose members see the marketer reports and the leads; <c>admin</c> and <c>editor</c> when not set.</summary>
    /// <remarks>Null by default: the configuration binder appends to a list it finds, so a default list would never be replaced.</remarks>
    public IList<string>? ReportGroups { get; set; }

    /// <summary>The groups in force.</summary>
    public IReadOnlyList<string> EffectiveReportGroups => ReportGroups is { Count: > 0 } groups ? [.. groups] : ["admin", "editor"];

    /// <summary>The user groups (aliases) whose members may export and erase a lead's personal data; <c>admin</c> when not set.</summary>
    public IList<string>? PrivacyGroups { get; set; }

    /// <summary>The privacy groups in force.</summary>
    public IReadOnlyList<string> EffectivePrivacyGroups => PrivacyGroups is { Count: > 0 } groups ? [.. groups] : ["admin"];
}
