namespace JourneyContent.PostgreSql;

/// <summary>How instants go in and out of <c>timestamptz</c> columns.</summary>
/// <remarks>Npgsql writes a UTC <see cref="DateTime"/> to <c>timestamptz</c> and reads one back; PostgreSQL keeps microseconds.</remarks>
internal static class PostgreSqlTime
{
    /// <summary>The value to write: the instant in UTC.</summary>
    public static DateTime ToDatabase(DateTimeOffset at) => at.UtcDateTime;

    /// <summary>The instant read back (Npgsql gives it with kind UTC; older readers may give Unspecified).</summary>
    public static DateTimeOffset FromDatabase(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <inheritdoc cref="FromDatabase(DateTime)"/>
    public static DateTimeOffset? FromDatabase(DateTime? value) => value is { } v ? FromDatabase(v) : null;
}
