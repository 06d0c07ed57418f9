namespace JourneyContent.PostgreSql;

/// <summary>Where the PostgreSQL stores live (section <c>JourneyContent:Storage:PostgreSql</c>).</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "JourneyContent:Storage:PostgreSql";

    /// <summary>An Npgsql connection string; keep it in user secrets or the environment, never in a committed file.</summary>
    public string ConnectionString { get; set; } = string.Empty;
}
