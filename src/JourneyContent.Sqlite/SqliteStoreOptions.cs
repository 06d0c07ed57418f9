namespace JourneyContent.Sqlite;

/// <summary>Where the SQLite database lives.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file's path, for example <c>&lt;DataPath&gt;/journeycontent.db</c>; a relative path is resolved
    /// against the current directory. The file and its folder are created if missing.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>The database's name in the host's <see cref="DataFolder"/> when <see cref="DatabasePath"/> is not set.</summary>
    public const string DefaultFileName = "journeycontent.db";
}
