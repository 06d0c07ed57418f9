namespace JourneyContent.Forms;

/// <summary>What one gated asset's form asks: its optional fields, which of them are required, and its consent.</summary>
/// <remarks>Email and the consent checkbox are always asked and required; they are not listed in <see cref="Fields"/>.</remarks>
public sealed record FormDefinition
{
    /// <summary>The form every gated asset uses unless it names another: first name, company and the project question.</summary>
    public static FormDefinition Default { get; } = new()
    {
        Name = "default",
        Fields = [FormField.FirstName, FormField.Company, FormField.ProjectStage],
    };

    /// <summary>The form's name, from configuration or front matter.</summary>
    public required string Name { get; init; }

    /// <summary>The optional fields shown, in order.</summary>
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>Those of <see cref="Fields"/> that must be filled.</summary>
    public IReadOnlySet<FormField> Required { get; init; } = new HashSet<FormField>();
}
