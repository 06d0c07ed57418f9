using System.Collections.Concurrent;
using System.Globalization;
using JourneyContent.Journeys;
using JourneyContent.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace JourneyContent.PostgreSql;

/// <summary>Tracked events and stage transitions in PostgreSQL: written with binary COPY, events partitioned by month.</summary>
/// <remarks>
/// A batch is one transaction of two binary COPYs, the fastest way into PostgreSQL. Before a batch holding a month this
/// instance has not written yet, the month's partition is created (under an advisory lock, so instances starting a new
/// month together do not race); retention then drops whole months (<see cref="RemoveBeforeAsync"/>).
/// </remarks>
public sealed class PostgreSqlJourneyStore(PostgreSqlConnectionFactory connections) : IJourneyStore
{
    /// <summary>The advisory lock key under which partitions are created ("jc-part").</summary>
    private const long PartitionLockKey = 0x6A632D70617274;

    private readonly ConcurrentDictionary<DateOnly, bool> _months = new();

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
        try
        {
            await WriteAsync(connection, events, transitions, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation && e.TableName == "journey_events")
        {
            // No partition for a month this instance saw: another instance's retention dropped it. Forget, create, retry once.
            _months.Clear();
            await WriteAsync(connection, events, transitions, cancellationToken);
        }
    }

    private async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<JourneyEvent> events, IReadOnlyList<StoredTransition> transitions, CancellationToken cancellationToken)
    {
        await EnsureMonthsAsync(connection, events, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync(connection, events,
            "COPY journey_events (visitor_id, at, type, content_id, declared_stage) FROM STDIN (FORMAT BINARY)",
            async (writer, e, ct) =>
            {
                await writer.WriteAsync(e.VisitorId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(e.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(e.Type.Key(), NpgsqlDbType.Text, ct);
                await WriteTextAsync(writer, e.Content, ct);
                await WriteTextAsync(writer, e.DeclaredStage, ct);
            }, cancellationToken);
        await CopyAsync(connection, transitions,
            "COPY stage_transitions (visitor_id, at, from_stage, to_stage, content_id, reason) FROM STDIN (FORMAT BINARY)",
            async (writer, t, ct) =>
            {
                await writer.WriteAsync(t.VisitorId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(t.At.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await WriteTextAsync(writer, t.FromStage, ct);
                await writer.WriteAsync(t.ToStage, NpgsqlDbType.Text, ct);
                await WriteTextAsync(writer, t.ContentId, ct);
                await writer.WriteAsync(t.Reason, NpgsqlDbType.Text, ct);
            }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, string copy,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writeRow(writer, row, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <summary>Creates the partitions of the batch's months that this instance has not seen yet.</summary>
    private async Task EnsureMonthsAsync(NpgsqlConnection connection, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken)
    {
        var missing = events.Select(e => MonthOf(e.Timestamp)).Distinct().Where(m => !_months.ContainsKey(m)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PartitionLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            // Names and bounds come from dates, not from input: nothing here can be injected.
            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS {PartitionName(month)} PARTITION OF journey_events FOR VALUES FROM ('{month:yyyy-MM-dd} 00:00:00+00') TO ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')");
            await using var create = new NpgsqlCommand(sql, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            _months[month] = true;
        }
    }

    private static DateOnly MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    /// <summary>The partition of a month: <c>journey_events_p202612</c>.</summary>
    internal static string PartitionName(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"journey_events_p{month:yyyyMM}");

    /// <inheritdoc />
    /// <remarks>
    /// Drops the partitions of the months that ended at or before <paramref name="cutoff"/> (the month holding the cutoff
    /// stays), and deletes the transitions before the first month kept, so both keep the same span. Dropping a partition
    /// is instant, whatever it holds, and leaves no dead rows for vacuum, unlike a DELETE.
    /// </remarks>
    public async Task<long> RemoveBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var keepFrom = MonthOf(cutoff);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long removed = 0;
        foreach (var month in (await MonthsAsync(connection, transaction, cancellationToken)).Where(m => m < keepFrom))
        {
            // Names come from the catalogue's dates, not from input: nothing here can be injected.
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {PartitionName(month)}", connection, transaction);
            removed += (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            await using var drop = new NpgsqlCommand($"DROP TABLE {PartitionName(month)}", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var transitions = new NpgsqlCommand("DELETE FROM stage_transitions WHERE at < @KeepFrom", connection, transaction))
        {
            transitions.Parameters.AddWithValue("KeepFrom", NpgsqlDbType.TimestampTz, new DateTime(keepFrom, TimeOnly.MinValue, DateTimeKind.Utc));
            await transitions.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in _months.Keys.Where(m => m < keepFrom))
        {
            _months.TryRemove(month, out _);
        }

        return removed;
    }

    /// <summary>The months that have a partition, oldest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> MonthsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await MonthsAsync(connection, null, cancellationToken);
    }

    private static async Task<IReadOnlyList<DateOnly>> MonthsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'journey_events'::regclass", connection, transaction);
        var months = new List<DateOnly>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (DateOnly.TryParseExact(reader.GetString(0)["journey_events_p".Length..] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                months.Add(month);
            }
        }

        months.Sort();
        return months;
    }

    /// <inheritdoc />
    public async Task<StoredEvents> EventsOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT at, type, content_id, declared_stage FROM journey_events WHERE visitor_id = $1 ORDER BY id", connection)
        {
            Parameters = { new() { Value = visitorId, NpgsqlDbType = NpgsqlDbType.Text } },
        };
        var result = new List<JourneyEvent>();
        var unknown = 0;
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JourneyEventTypes.TryParse(reader.GetString(1), out var type))
            {
                result.Add(new JourneyEvent(visitorId, Instant(reader, 0), type, NullableText(reader, 2), NullableText(reader, 3)));
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

        // Npgsql reads rows off the socket as they are asked for: memory stays one row, however long the history.
        await using var query = new NpgsqlCommand("SELECT visitor_id, at, type, content_id, declared_stage FROM journey_events ORDER BY visitor_id, id", connection)
        {
            CommandTimeout = 0,
        };
        await using var reader = await query.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var visitor = reader.GetString(0);
            var at = Instant(reader, 1);
            var typeKey = reader.GetString(2);
            var content = NullableText(reader, 3);
            var declared = NullableText(reader, 4);
            if (JourneyEventTypes.TryParse(typeKey, out var type))
            {
                yield return new JourneyEvent(visitor, at, type, content, declared);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredTransition>> TransitionsOfAsync(string visitorId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT at, from_stage, to_stage, content_id, reason FROM stage_transitions WHERE visitor_id = $1 ORDER BY id", connection)
        {
            Parameters = { new() { Value = visitorId, NpgsqlDbType = NpgsqlDbType.Text } },
        };
        var result = new List<StoredTransition>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredTransition(visitorId, NullableText(reader, 1), reader.GetString(2), Instant(reader, 0), NullableText(reader, 3), reader.GetString(4)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT count(*) FROM journey_events", connection);
        return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static DateTimeOffset Instant(NpgsqlDataReader reader, int ordinal) => PostgreSqlTime.FromDatabase(reader.GetDateTime(ordinal));

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
