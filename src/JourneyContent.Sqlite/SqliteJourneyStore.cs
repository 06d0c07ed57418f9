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

        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await InsertAllAsync(connection, transaction, "journey_events", ["visitor_id", "at", "type", "content_id", "declared_stage"], events,
            e => [e.VisitorId, SqliteTime.ToText(e.Timestamp), e.Type.Key(), e.Content, e.DeclaredStage], cancellationToken);
        await InsertAllAsync(connection, transaction, "stage_transitions", ["visitor_id", "at", "from_stage", "to_stage", "content_id", "reason"], transitions,
            t => [t.VisitorId, SqliteTime.ToText(t.At), t.FromStage, t.ToStage, t.ContentId, t.Reason], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts rows with one prepared command, re-bound per row, inside the caller's transaction.</summary>
    private static async Task InsertAllAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var parameters = columns.Select(c => insert.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = rowValues[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>Removes exactly the rows before the cutoff, in one transaction; the file's freed pages are reused by later writes.</remarks>
    public async Task<long> RemoveBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM stage_transitions WHERE at < $cutoff";
        delete.Parameters.AddWithValue("$cutoff", SqliteTime.ToText(cutoff));
        await delete.ExecuteNonQueryAsync(cancellationToken);
        delete.CommandText = "DELETE FROM journey_events WHERE at < $cutoff";
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <inheritdoc />
    public async Task<StoredEvents> EventsOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT at, type, content_id, declared_stage FROM journey_events WHERE visitor_id = $v ORDER BY id";
        query.Parameters.AddWithValue("$v", visitorId);
        var result = new List<JourneyEvent>();
        var unknown = 0;
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JourneyEventTypes.TryParse(reader.GetString(1), out var type))
            {
                result.Add(new JourneyEvent(visitorId, SqliteTime.FromText(reader.GetString(0)), type,
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
            else
            {
                unknown++;
            }
        }

        return new StoredEvents(result, unknown);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JourneyEvent> ReadAllEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();

        // One reader over the visitor index: memory stays one row, however long the history.
        query.CommandText = "SELECT visitor_id, at, type, content_id, declared_stage FROM journey_events ORDER BY visitor_id, id";
        query.CommandTimeout = 0;
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JourneyEventTypes.TryParse(reader.GetString(2), out var type))
            {
                yield return new JourneyEvent(reader.GetString(0), SqliteTime.FromText(reader.GetString(1)), type,
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }
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
