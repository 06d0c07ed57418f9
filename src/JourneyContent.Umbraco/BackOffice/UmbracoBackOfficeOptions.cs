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

    /// <summary>The user groups (aliases) whose members see the marketer reports; Umbraco puts them in the user's role claims.</summary>
    public IList<string> ReportGroups { get; set; } = ["admin", "editor"];
}
