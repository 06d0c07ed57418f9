using JourneyContent.Leads;
using JourneyContent.Stages;

namespace JourneyContent.Forms;

/// <summary>The raw values a visitor sent, by field; absent fields are null.</summary>
public sealed record FormInput
{
    /// <summary>The values by field.</summary>
    public IReadOnlyDictionary<FormField, string?> Values { get; init; } = new Dictionary<FormField, string?>();

    /// <summary>True when the consent checkbox was ticked.</summary>
    public bool Consent { get; init; }

    /// <summary>The value of a field as sent, or null.</summary>
    public string? this[FormField field] => Values.GetValueOrDefault(field);
}

/// <summary>Why a field was refused.</summary>
public enum FormError
{
    /// <summary>The field must be filled.</summary>
    Required,

    /// <summary>The value is longer than the field allows.</summary>
    TooLong,

    /// <summary>Not a plausible email address.</summary>
    InvalidEmail,

    /// <summary>Not a phone number (digits, spaces, + - . ( ) only).</summary>
    InvalidPhone,

    /// <summary>Not one of the offered choices.</summary>
    InvalidChoice,

    /// <summary>The consent box must be ticked.</summary>
    ConsentRequired,

    /// <summary>A one-line field holds a control character (line break, tab, DEL, C0 or C1).</summary>
    ControlCharacter,
}

/// <summary>A validated submission: the normalised values, or the errors by field.</summary>
/// <param name="Errors">The first error of each refused field.</param>
/// <param name="Email">The normalised email, when valid.</param>
/// <param name="Profile">The optional fields given, trimmed (empty ones null).</param>
/// <param name="DeclaredStage">The stage key answered to the project question, or null.</param>
public sealed record FormValidation(IReadOnlyDictionary<FormField, FormError> Errors, string? Email, LeadProfile Profile, string? DeclaredStage)
{
    /// <summary>True when nothing was refused.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Validates a gated form on the server.</summary>
/// <remarks>
/// Text is kept as typed (trimmed): a name such as <c>&lt;b&gt;</c> is valid and is escaped wherever it is shown.
/// Fields a known lead already gave are not asked again (the <c>known</c> argument of <see cref="Validate"/>), so they are not required again.
/// </remarks>
public static class FormValidator
{
    /// <summary>Validates <paramref name="input"/> against <paramref name="form"/>.</summary>
    /// <param name="form">The form.</param>
    /// <param name="input">What was sent.</param>
    /// <param name="stages">The stage model, for the project question.</param>
    /// <param name="known">Fields the lead already gave, which the form did not show; null for an unknown visitor.</param>
    /// <param name="consentAsked">False when the lead already agreed to the current consent version, so the box was not shown.</param>
    public static FormValidation Validate(FormDefinition form, FormInput input, StageModel stages, IReadOnlySet<FormField>? known = null, bool consentAsked = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stages);
        var errors = new Dictionary<FormField, FormError>();
        string? Text(FormField field)
        {
            var value = input[field]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (value.Length > field.MaxLength())
            {
                errors.TryAdd(field, FormError.TooLong);
                return null;
            }

            // Every text field is one line: a CR or LF would split a mail header or a CSV row, other controls hide text.
            if (value.Any(char.IsControl))
            {
                errors.TryAdd(field, FormError.ControlCharacter);
                return null;
            }

            return value;
        }

        var rawEmail = input[FormField.Email]?.Trim();
        string? email = null;
        if (string.IsNullOrEmpty(rawEmail))
        {
            errors[FormField.Email] = FormError.Required;
        }
        else if (rawEmail.Length > FormField.Email.MaxLength())
        {
            errors[FormField.Email] = FormError.TooLong;
        }
        else if ((email = LeadEmail.Normalise(rawEmail)) is null)
        {
            errors[FormField.Email] = FormError.InvalidEmail;
        }

        var asked = form.Fields.Where(f => known is null || !known.Contains(f)).ToHashSet();
        string? Field(FormField field) => asked.Contains(field) ? Text(field) : null;
        var phone = Field(FormField.Phone);
        if (phone is not null && !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')'))
        {
            errors.TryAdd(FormField.Phone, FormError.InvalidPhone);
            phone = null;
        }

        var size = Field(FormField.CompanySize);
        if (size is not null && !CompanySizes.All.Contains(size, StringComparer.Ordinal))
        {
            errors.TryAdd(FormField.CompanySize, FormError.InvalidChoice);
            size = null;
        }

        var stageAnswer = Field(FormField.ProjectStage);
        string? declared = null;
        if (stageAnswer is not null)
        {
            declared = stages.FindStage(stageAnswer) is { } answered && stages.DeclarableStages.Contains(answered) ? answered.Key : null;
            if (declared is null)
            {
                errors.TryAdd(FormField.ProjectStage, FormError.InvalidChoice);
            }
        }

        var profile = new LeadProfile
        {
            FirstName = Field(FormField.FirstName),
            LastName = Field(FormField.LastName),
            Company = Field(FormField.Company),
            JobTitle = Field(FormField.JobTitle),
            CompanySize = size,
            Country = Field(FormField.Country),
            Phone = phone,
        };

        foreach (var required in form.Required.Where(asked.Contains))
        {
            if (string.IsNullOrWhiteSpace(input[required]))
            {
                errors.TryAdd(required, FormError.Required);
            }
        }

        if (consentAsked && !input.Consent)
        {
            errors[FormField.Consent] = FormError.ConsentRequired;
        }

        return new FormValidation(errors, errors.ContainsKey(FormField.Email) ? null : email, profile, declared);
    }

    /// <summary>The fields of <paramref name="profile"/> that are known (not empty).</summary>
    public static IReadOnlySet<FormField> KnownFields(LeadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var known = new HashSet<FormField>();
        void Add(FormField field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                known.Add(field);
            }
        }

        Add(FormField.FirstName, profile.FirstName);
        Add(FormField.LastName, profile.LastName);
        Add(FormField.Company, profile.Company);
        Add(FormField.JobTitle, profile.JobTitle);
        Add(FormField.CompanySize, profile.CompanySize);
        Add(FormField.Country, profile.Country);
        Add(FormField.Phone, profile.Phone);
        return known;
    }
}
