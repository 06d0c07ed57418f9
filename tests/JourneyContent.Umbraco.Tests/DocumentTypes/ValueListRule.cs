namespace JourneyContent.Umbraco.Tests.DocumentTypes;

/// <summary>
/// What Umbraco 17 accepts as the <c>items</c> of a value-list data type (check box list, dropdown, radio button list),
/// written from src/Umbraco.Infrastructure/PropertyEditors/ValueListUniqueValueValidator.cs: an
/// <c>IEnumerable&lt;string&gt;</c> (or JSON text) of unique, non-empty values. Anything else makes
/// <c>IDataTypeService.CreateAsync</c>/<c>UpdateAsync</c> answer <c>DataTypeOperationStatus.InvalidConfiguration</c>.
/// </summary>
internal static class ValueListRule
{
    /// <summary>The editors whose configuration editor runs that validator (each has a <c>ValueListConfiguration</c>).</summary>
    public static readonly IReadOnlySet<string> Editors = new HashSet<string>(StringComparer.Ordinal)
    {
        "Umbraco.CheckBoxList", "Umbraco.DropDown.Flexible", "Umbraco.RadioButtonList",
    };

    /// <summary>Null when Umbraco accepts <paramref name="items"/>, else why not.</summary>
    public static string? Check(object? items) => items switch
    {
        IEnumerable<string> values when values.Any(string.IsNullOrWhiteSpace) => "holds an empty value",
        IEnumerable<string> values when values.Distinct(StringComparer.Ordinal).Count() != values.Count() => "holds duplicate values",
        IEnumerable<string> => null,
        _ => "must be an IEnumerable<string> for ValueListUniqueValueValidator",
    };
}
