namespace JourneyContent.Forms;

/// <summary>The fields a gated form can ask for. Email is always asked; the others are chosen per form.</summary>
public enum FormField
{
    /// <summary>The email address (always asked, always required).</summary>
    Email,

    /// <summary>First name.</summary>
    FirstName,

    /// <summary>Last name.</summary>
    LastName,

    /// <summary>Company.</summary>
    Company,

    /// <summary>Job title.</summary>
    JobTitle,

    /// <summary>Company size, from <see cref="CompanySizes.All"/>.</summary>
    CompanySize,

    /// <summary>Country.</summary>
    Country,

    /// <summary>Phone number.</summary>
    Phone,

    /// <summary>"Where are you in your project?", answered with a stage of the funnel.</summary>
    ProjectStage,

    /// <summary>The consent checkbox.</summary>
    Consent,
}

/// <summary>Field names as used in forms and configuration, and their length limits.</summary>
public static class FormFields
{
    /// <summary>The name of a field in HTML forms and configuration (<c>first_name</c>).</summary>
    public static string Key(this FormField field) => field switch
    {
        FormField.Email => "email",
        FormField.FirstName => "first_name",
        FormField.LastName => "last_name",
        FormField.Company => "company",
        FormField.JobTitle => "job_title",
        FormField.CompanySize => "company_size",
        FormField.Country => "country",
        FormField.Phone => "phone",
        FormField.ProjectStage => "project_stage",
        _ => "consent",
    };

    /// <summary>Parses a field name (<c>first_name</c> or <c>FirstName</c>); false when unknown.</summary>
    public static bool TryParse(string? key, out FormField field)
    {
        var normalised = key?.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(normalised, ignoreCase: true, out field) && Enum.IsDefined(field);
    }

    /// <summary>The longest value accepted for a text field.</summary>
    public static int MaxLength(this FormField field) => field switch
    {
        FormField.Email => Leads.LeadEmail.MaxLength,
        FormField.FirstName or FormField.LastName => 100,
        FormField.Company => 150,
        FormField.JobTitle => 120,
        FormField.Country => 100,
        FormField.Phone => 30,
        _ => 50,
    };
}

/// <summary>The company sizes a form offers.</summary>
public static class CompanySizes
{
    /// <summary>Every size, smallest first.</summary>
    public static IReadOnlyList<string> All { get; } = ["1-9", "10-49", "50-249", "250-999", "1000+"];
}
