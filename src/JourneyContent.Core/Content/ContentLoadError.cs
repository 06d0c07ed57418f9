namespace JourneyContent.Content;

/// <summary>A content file (or CMS node) that could not be loaded, and why.</summary>
/// <param name="Source">The file path relative to the content folder, or a node key.</param>
/// <param name="Line">The 1-based line in the file, when known.</param>
/// <param name="Field">The front-matter field at fault, when there is one.</param>
/// <param name="Message">What is wrong, in words an editor can act on.</param>
public sealed record ContentLoadError(string Source, int? Line, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
