namespace JourneyContent.Content;

/// <summary>Which form a gated asset uses: a form configured by name, or fields listed on the item itself.</summary>
/// <remarks>Field keys are as in forms (<c>first_name</c>, <c>company</c>, <c>project_stage</c>…); the forms feature validates them.</remarks>
public sealed record GatedFormSettings
{
    /// <summary>The name of a form in configuration (<c>JourneyContent:Forms:Definitions:{name}</c>), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The optional fields to show, in order; empty to use the named or default form's.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Those of the fields that must be filled.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
}
