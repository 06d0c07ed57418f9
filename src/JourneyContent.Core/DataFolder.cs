namespace JourneyContent;

/// <summary>The folder where a host keeps the module's files; each store names its own file or folder in it.</summary>
/// <remarks>
/// The standalone site puts it in <c>App_Data</c>, an Umbraco site in <c>umbraco/Data/JourneyContent</c>. A store
/// whose path is set explicitly ignores it; one whose path is empty uses its default name here.
/// </remarks>
/// <param name="Path">The folder, as an absolute path.</param>
public sealed record DataFolder(string Path)
{
    /// <summary>The path of <paramref name="name"/> (a file or folder, possibly with sub-folders) in this folder.</summary>
    public string Combine(params string[] name) => System.IO.Path.Combine([Path, .. name]);

    /// <summary>
    /// <paramref name="configured"/> when set, otherwise <paramref name="name"/> in <paramref name="folder"/> when a host
    /// registered one; null when neither.
    /// </summary>
    public static string? Resolve(string? configured, DataFolder? folder, params string[] name) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : folder?.Combine(name);
}
