using Dapper;
using JourneyContent.Journeys;

namespace JourneyContent.PostgreSql;

/// <summary>
/// Each visitor's <see cref="VisitorVersion"/> in one query: the count of their event rows (an index-only scan of each
/// month's partition) and the set time of their lead's stage lock. Instances check it before they use a visitor they hold.
/// </summary>
public sealed class PostgreSqlVisitorVersions(PostgreSqlConnectionFactory connections) : IVisitorVersions
{
    /// <inheritdoc />
    public async Task<VisitorVersion> VersionOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Events, DateTime? LockSetAt)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM journey_events WHERE visitor_id = @VisitorId) AS events,
                   (SELECT l.set_at FROM stage_locks l
                     WHERE l.lead_id = (SELECT lead_id FROM lead_visitors WHERE visitor_id = @VisitorId ORDER BY merged_at DESC LIMIT 1)) AS lock_set_at
            """,
            new { VisitorId = visitorId }, cancellationToken: cancellationToken));
        return new VisitorVersion(row.Events, PostgreSqlTime.FromDatabase(row.LockSetAt));
    }
}
