namespace JourneyContent.Forms;

/// <summary>The names of the optional form fields, for parsers that must not depend on <see cref="FormField"/> parsing rules.</summary>
public static class FormFieldNames
{
    /// <summary>Every optional field's key (<c>first_name</c> … <c>project_stage</c>).</summary>
    public static IReadOnlySet<string> Optional { get; } = new HashSet<string>(
        Enum.GetValues<FormField>().Where(f => f is not (FormField.Email or FormField.Consent)).Select(f => f.Key()), StringComparer.Ordinal);
}
