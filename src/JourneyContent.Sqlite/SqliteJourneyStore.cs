using JourneyContent.Journeys;
using JourneyContent.Tracking;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>Tracked events and stage transitions in SQLite.</summary>
/// <remarks>A batch is one transaction with prepared, re-bound commands: SQLite then writes tens of thousands of rows a second.</remarks>
public sealed class SqliteJourneyStore(SqliteConnectionFactory connections) : IJourneyStore
{
    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<JourneyEvent> events, IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(transitions);
        if (events.Count == 0 && transitions.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (events.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO journey_events (visitor_id, at, type, content_id, declared_stage) VALUES ($v, $at, $type, $content, $declared)";
            var visitor = insert.Parameters.Add("$v", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var type = insert.Parameters.Add("$type", SqliteType.Text);
            var content = insert.Parameters.Add("$content", SqliteType.Text);
            var declared = insert.Parameters.Add("$declared", SqliteType.Text);
            insert.Prepare();
            foreach (var e in events)
            {
                visitor.Value = e.VisitorId;
                at.Value = SqliteTime.ToText(e.Timestamp);
                type.Value = e.Type.Key();
                content.Value = (object?)e.Content ?? DBNull.Value;
                declared.Value = (object?)e.DeclaredStage ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (transitions.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO stage_transitions (visitor_id, at, from_stage, to_stage, content_id, reason) VALUES ($v, $at, $from, $to, $content, $reason)";
            var visitor = insert.Parameters.Add("$v", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var from = insert.Parameters.Add("$from", SqliteType.Text);
            var to = insert.Parameters.Add("$to", SqliteType.Text);
            var content = insert.Parameters.Add("$content", SqliteType.Text);
            var reason = insert.Parameters.Add("$reason", SqliteType.Text);
            insert.Prepare();
            foreach (var t in transitions)
            {
                visitor.Value = t.VisitorId;
                at.Value = SqliteTime.ToText(t.At);
                from.Value = (object?)t.FromStage ?? DBNull.Value;
                to.Value = t.ToStage;
                content.Value = (object?)t.ContentId ?? DBNull.Value;
                reason.Value = t.Reason;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JourneyEvent>> EventsOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT at, type, content_id, declared_stage FROM journey_events WHERE visitor_id = $v ORDER BY id";
        query.Parameters.AddWithValue("$v", visitorId);
        var result = new List<JourneyEvent>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JourneyEventTypes.TryParse(reader.GetString(1), out var type))
            {
                result.Add(new JourneyEvent(visitorId, SqliteTime.FromText(reader.GetString(0)), type,
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredTransition>> TransitionsOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT at, from_stage, to_stage, content_id, reason FROM stage_transitions WHERE visitor_id = $v ORDER BY id";
        query.Parameters.AddWithValue("$v", visitorId);
        var result = new List<StoredTransition>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredTransition(visitorId, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                SqliteTime.FromText(reader.GetString(0)), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM journey_events";
        return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }
}
