using JourneyContent.Forms;
using JourneyContent.Leads;
using JourneyContent.Stages;

namespace JourneyContent.Core.Tests.Forms;

public sealed class FormValidatorTests
{
    private static readonly FormDefinition Form = new()
    {
        Name = "benchmark",
        Fields = [FormField.FirstName, FormField.LastName, FormField.Company, FormField.CompanySize, FormField.Phone, FormField.ProjectStage],
        Required = new HashSet<FormField> { FormField.Company },
    };

    private static FormInput Input(string? email = "Ada@Example.COM", bool consent = true, params (FormField Field, string? Value)[] values)
    {
        var all = new Dictionary<FormField, string?> { [FormField.Email] = email, [FormField.Company] = "Sillage" };
        foreach (var (field, value) in values)
        {
            all[field] = value;
        }

        return new FormInput { Values = all, Consent = consent };
    }

    public static TheoryData<FormInput, FormField, FormError> BadInputs => new()
    {
        { Input(email: null), FormField.Email, FormError.Required },
        { Input(email: "   "), FormField.Email, FormError.Required },
        { Input(email: "not-an-address"), FormField.Email, FormError.InvalidEmail },
        { Input(email: "a@b"), FormField.Email, FormError.InvalidEmail },
        { Input(email: "two@@example.com"), FormField.Email, FormError.InvalidEmail },
        { Input(email: "space in@example.com"), FormField.Email, FormError.InvalidEmail },
        { Input(email: new string('a', 250) + "@x.fr"), FormField.Email, FormError.TooLong },
        { Input(consent: false), FormField.Consent, FormError.ConsentRequired },
        { Input(values: (FormField.FirstName, new string('x', 101))), FormField.FirstName, FormError.TooLong },
        { Input(values: (FormField.Company, "")), FormField.Company, FormError.Required },
        { Input(values: (FormField.Company, new string('c', 151))), FormField.Company, FormError.TooLong },
        { Input(values: (FormField.Phone, "call me maybe")), FormField.Phone, FormError.InvalidPhone },
        { Input(values: (FormField.CompanySize, "huge")), FormField.CompanySize, FormError.InvalidChoice },
        { Input(values: (FormField.ProjectStage, "shopping")), FormField.ProjectStage, FormError.InvalidChoice },
        { Input(values: (FormField.ProjectStage, "advocacy")), FormField.ProjectStage, FormError.InvalidChoice },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_field_is_refused_with_its_own_error(FormInput input, FormField field, FormError error)
    {
        var result = FormValidator.Validate(Form, input, StageModel.Default);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Errors[field]);
    }

    [Theory]
    [InlineData(FormField.FirstName, "Ada\r\nBcc: all@example.com")]
    [InlineData(FormField.LastName, "Love\nlace")]
    [InlineData(FormField.Company, "Analytical\tEngines")]
    [InlineData(FormField.JobTitle, "Chief\u007fEngineer")]
    [InlineData(FormField.JobTitle, "Chief\u0000Engineer")]
    [InlineData(FormField.Company, "Sillage\u0085SA")]
    [InlineData(FormField.Country, "Fr\u001bance")]
    public void A_one_line_field_with_a_control_character_is_refused_on_that_field(FormField field, string value)
    {
        var form = new FormDefinition { Name = "all", Fields = [FormField.FirstName, FormField.LastName, FormField.Company, FormField.JobTitle, FormField.Country] };

        var result = FormValidator.Validate(form, Input(values: (field, value)), StageModel.Default);

        Assert.Equal(FormError.ControlCharacter, Assert.Single(result.Errors).Value);
        Assert.Equal(field, Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void A_valid_submission_is_normalised_and_keeps_text_as_typed()
    {
        var result = FormValidator.Validate(Form, Input(email: "  Ada.Lovelace@Example.COM ", values: [(FormField.FirstName, " <script>alert(1)</script> "), (FormField.ProjectStage, "decision"), (FormField.Phone, "+33 (0)1 23-45.67")]), StageModel.Default);

        Assert.True(result.IsValid);
        Assert.Equal("Ada.Lovelace@example.com", result.Email);
        Assert.Equal("<script>alert(1)</script>", result.Profile.FirstName);
        Assert.Equal("decision", result.DeclaredStage);
        Assert.Equal("+33 (0)1 23-45.67", result.Profile.Phone);
    }

    [Fact]
    public void Fields_a_known_lead_gave_are_not_asked_or_required_again()
    {
        var known = FormValidator.KnownFields(new LeadProfile { Company = "Sillage", FirstName = "Ada" });
        var input = new FormInput { Values = new Dictionary<FormField, string?> { [FormField.Email] = "ada@example.com", [FormField.FirstName] = "Someone else" }, Consent = false };

        var result = FormValidator.Validate(Form, input, StageModel.Default, known, consentAsked: false);

        Assert.True(result.IsValid);
        Assert.Null(result.Profile.FirstName);
        Assert.Equal(new HashSet<FormField> { FormField.FirstName, FormField.Company }, known);
    }

    [Fact]
    public void Fields_not_on_the_form_are_ignored()
    {
        var result = FormValidator.Validate(FormDefinition.Default, Input(values: (FormField.Phone, "not a phone")), StageModel.Default);

        Assert.True(result.IsValid);
        Assert.Null(result.Profile.Phone);
    }

    [Theory]
    [InlineData(" Ada@Example.COM ", "Ada@example.com")]
    [InlineData("ada@EXAMPLE.com.", "ada@example.com")]
    [InlineData("élodie@exemple.fr", "élodie@exemple.fr")]
    [InlineData("a.b+tag@sub.example.org", "a.b+tag@sub.example.org")]
    [InlineData("a..b@example.org", null)]
    [InlineData(".a@example.org", null)]
    [InlineData("a@-example.org", null)]
    [InlineData("a@example..org", null)]
    [InlineData("<a@example.org>", null)]
    public void Emails_are_trimmed_with_the_domain_lower_cased(string input, string? expected)
    {
        Assert.Equal(expected, LeadEmail.Normalise(input));
    }

    [Fact]
    public void Profiles_merge_new_values_over_known_ones()
    {
        var merged = new LeadProfile { FirstName = "Ada", Company = "Old" }.With(new LeadProfile { Company = "New", Phone = "123" });

        Assert.Equal(("Ada", "New", "123"), (merged.FirstName, merged.Company, merged.Phone));
    }
}
