namespace JourneyContent.Sqlite;

/// <summary>Where the SQLite database lives.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file's path, for example <c>&lt;DataPath&gt;/journeycontent.db</c>; a relative path is resolved
    /// against the current directory. The file and its folder are created if missing.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>The database's name in the host's <see cref="DataFolder"/> when <see cref="DatabasePath"/> is not set.</summary>
    public const string DefaultFileName = "journeycontent.db";

    /// <summary>The configuration section read before the code's own settings: <c>JourneyContent:Storage:Sqlite</c>.</summary>
    public const string SectionName = "JourneyContent:Storage:Sqlite";

    /// <summary>
    /// How long a writer waits for another process's writer before SQLite answers <c>SQLITE_BUSY</c> (its <c>busy_timeout</c>);
    /// 5 s by default. Writers of this process queue in the connection factory and never wait here.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one command may run, retries of a locked database by Microsoft.Data.Sqlite included, before it fails;
    /// 30 s by default, at least 1 s (SQLite counts it in whole seconds, and 0 would mean wait for ever).
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
