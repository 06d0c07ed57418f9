namespace JourneyContent.Sqlite;

/// <summary>Where the SQLite database lives.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file's absolute path; its folder is created if missing.</summary>
    public string DatabasePath { get; set; } = string.Empty;
}
