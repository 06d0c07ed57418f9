namespace JourneyContent.Content;

/// <summary>A problem found while loading a content file (or CMS node): one that kept it out, or a value that was left out or corrected.</summary>
/// <param name="Source">The file path relative to the content folder, or a node key.</param>
/// <param name="Line">The 1-based line in the file, when known.</param>
/// <param name="Field">The front-matter field (or Umbraco property alias) at fault, when there is one.</param>
/// <param name="Message">What is wrong, in words an editor can act on.</param>
public sealed record ContentLoadError(string Source, int? Line, string? Field, string Message)
{
    /// <summary>The stable code of a value problem (see <see cref="ContentProblemCodes"/>), the same from every source; null for problems of the file or document itself.</summary>
    public string? Code { get; init; }

    /// <summary>True when the value was corrected and the item loaded as if it had been written right (a boost clamped to its range).</summary>
    public bool IsWarning { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
