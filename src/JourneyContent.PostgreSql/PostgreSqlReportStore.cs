using System.Data;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using JourneyContent.Reports;
using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;
using Npgsql;
using NpgsqlTypes;

namespace JourneyContent.PostgreSql;

/// <summary>The marketer reports, computed in PostgreSQL from the stored events, transitions and leads when asked for.</summary>
/// <remarks>
/// <para>The same reports as the SQLite store, row for row. A content filter (language, topic) is one <c>text[]</c>
/// parameter compared with <c>= ANY</c>, so its size does not reach the SQL text. Visitor ids are ordered with
/// <c>COLLATE "C"</c> (byte order): the streams merged in C# compare them ordinally, and SQLite's order is byte order,
/// whatever collation the database was created with.</para>
/// <para>Visitors count when they had an event on selected content in the range; leads count when captured in the
/// range, in the filter's language, from its source and, with a topic, having asked for one of its items.</para>
/// </remarks>
public sealed partial class PostgreSqlReportStore(PostgreSqlConnectionFactory connections) : IReportStore
{
    /// <inheritdoc />
    public async Task<FunnelReport> FunnelAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = Parameters(filter, filter.ContentIds);
        var active = await ActiveVisitorsAsync(connection, filter, cancellationToken);
        var tally = new FunnelTally(stageOrder, active);
        // One ordered pass over the transitions: each visitor's last stage and the furthest stage they reached.
        await using (var command = new NpgsqlCommand(
            """SELECT visitor_id, to_stage FROM stage_transitions WHERE at < @To ORDER BY visitor_id COLLATE "C", id""", connection))
        {
            Bind(command, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tally.Add(reader.GetString(0), reader.GetString(1));
            }
        }

        var leads = (await connection.QueryAsync<(string? Stage, long Count)>(new CommandDefinition(
            $"SELECT l.stage, COUNT(*) FROM leads l WHERE {LeadWhere(filter)} GROUP BY l.stage", p, cancellationToken: cancellationToken)))
            .Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => (int)r.Count, StringComparer.Ordinal);

        return tally.Build(leads);
    }

    /// <inheritdoc />
    public async Task<TransitionReport> TransitionsAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var active = await ActiveVisitorsAsync(connection, filter, cancellationToken);
        var tally = new TransitionTally(stageOrder, active);
        // Rows come in visitor (byte order) then id order, as SQLite's window gives them: cells whose stages are both
        // unknown keep that first-seen order through the stable sort below.
        await using var command = new NpgsqlCommand(
            """
            SELECT from_stage, to_stage, at, prev_at, visitor_id FROM (
                SELECT t.id, t.visitor_id, t.from_stage, t.to_stage, t.at,
                       LAG(t.at) OVER (PARTITION BY t.visitor_id COLLATE "C" ORDER BY t.id) AS prev_at
                FROM stage_transitions t
                WHERE t.at < @To) w
            WHERE at >= @From
            ORDER BY visitor_id COLLATE "C", id
            """, connection);
        Bind(command, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tally.Add(reader.GetString(4), reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1),
                Ticks(reader, 2), reader.IsDBNull(3) ? null : Ticks(reader, 3));
        }

        return tally.Build();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContentInfluenceRow>> ContentInfluenceAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        // Two streams are read at once and a connection holds one open reader: the moves get a second connection
        // that imports the first one's snapshot, so both streams (and the counts) see the same committed data.
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var snapshot = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT pg_export_snapshot()", transaction: transaction, cancellationToken: cancellationToken));
        await using var moveConnection = await connections.OpenAsync(cancellationToken);
        await using var moveTransaction = await moveConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // SET TRANSACTION SNAPSHOT takes a literal, not a parameter. The id is the server's own, checked to be one before
        // it goes into the text: nothing from input reaches it.
        if (snapshot is null || !SnapshotId().IsMatch(snapshot))
        {
            throw new InvalidOperationException($"PostgreSQL gave an unexpected snapshot id: '{snapshot}'.");
        }

        await using (var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot}'", moveConnection, moveTransaction))
        {
            await import.ExecuteNonQueryAsync(cancellationToken);
        }

        var p = Parameters(filter, filter.ContentIds);
        var contentWhere = filter.ContentIds is null ? string.Empty : "AND e.content_id = ANY(@ContentIds)";
        // Index-only counts: views per item from (type, content_id, at); readers come from the first-readings pass below.
        var views = (await connection.QueryAsync<(string ContentId, long Views)>(new CommandDefinition(
            $"""
            SELECT e.content_id, COUNT(*)
            FROM journey_events e
            WHERE e.type = 'view' AND e.content_id IS NOT NULL AND e.at >= @From AND e.at < @To {contentWhere}
            GROUP BY e.content_id
            """, p, transaction, cancellationToken: cancellationToken))).ToDictionary(v => v.ContentId, v => (int)v.Views, StringComparer.Ordinal);
        // Two streams ordered by visitor (byte order, which is ordinal order), merged: each visitor's first readings of
        // items, and their moves in time order. Ties in time are taken in id order, as SQLite's index on (visitor_id, at)
        // gives them (its rowid breaks ties).
        await using var moveCommand = new NpgsqlCommand(
            """SELECT visitor_id, at, from_stage, to_stage FROM stage_transitions WHERE from_stage IS NOT NULL ORDER BY visitor_id COLLATE "C", at, id""",
            moveConnection, moveTransaction);
        await using var moveReader = await moveCommand.ExecuteReaderAsync(cancellationToken);

        async IAsyncEnumerable<(string, long, string, string)> Moves()
        {
            while (await moveReader.ReadAsync(cancellationToken))
            {
                yield return (moveReader.GetString(0), Ticks(moveReader, 1), moveReader.GetString(2), moveReader.GetString(3));
            }
        }

        await using var moves = Moves().GetAsyncEnumerator(cancellationToken);
        var tally = new ContentInfluenceTally(stageOrder, moves);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT e.visitor_id, e.content_id, MIN(e.at)
            FROM journey_events e
            WHERE e.type = 'view' AND e.content_id IS NOT NULL AND e.at >= @From AND e.at < @To {contentWhere}
            GROUP BY e.visitor_id, e.content_id
            ORDER BY e.visitor_id COLLATE "C"
            """, connection, transaction))
        {
            Bind(command, filter);
            if (filter.ContentIds is not null)
            {
                command.Parameters.AddWithValue("ContentIds", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.ContentIds.ToArray());
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await tally.AddReadingAsync(reader.GetString(0), reader.GetString(1), Ticks(reader, 2));
            }
        }

        var leads = (await connection.QueryAsync<(string ContentId, long Count)>(new CommandDefinition(
            $"""
            SELECT d.content_id, COUNT(*) FROM lead_downloads d JOIN leads l ON l.id = d.lead_id
            WHERE d.requested_at >= @From AND d.requested_at < @To AND {LeadAttributes(filter)}
            GROUP BY d.content_id
            """, p, transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.ContentId, r => (int)r.Count, StringComparer.Ordinal);
        return tally.Build(views, leads, filter.ContentIds);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GatedAssetRow>> GatedAssetsAsync(ReportFilter filter, IReadOnlyList<string> gatedContentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(gatedContentIds);
        var selected = gatedContentIds.Where(id => filter.ContentIds is null || filter.ContentIds.Contains(id)).ToList();
        await using var connection = await connections.OpenAsync(cancellationToken);
        // As in SQLite, the selected gated items stand in for the content filter everywhere, the topic's condition too.
        var p = Parameters(filter, selected.ToHashSet(StringComparer.Ordinal));
        var views = (await connection.QueryAsync<(string ContentId, long Count)>(new CommandDefinition(
            """
            SELECT e.content_id, COUNT(*) FROM journey_events e
            WHERE e.content_id = ANY(@ContentIds) AND e.type = 'view' AND e.at >= @From AND e.at < @To GROUP BY e.content_id
            """, p, cancellationToken: cancellationToken))).ToDictionary(r => r.ContentId, r => (int)r.Count, StringComparer.Ordinal);
        var requests = (await connection.QueryAsync<(string ContentId, long Submissions, long Downloads)>(new CommandDefinition(
            $"""
            SELECT d.content_id, COUNT(*), COUNT(d.downloaded_at)
            FROM lead_downloads d JOIN leads l ON l.id = d.lead_id
            WHERE d.content_id = ANY(@ContentIds) AND d.requested_at >= @From AND d.requested_at < @To AND {LeadAttributes(filter)}
            GROUP BY d.content_id
            """, p, cancellationToken: cancellationToken))).ToDictionary(r => r.ContentId, r => (Submissions: (int)r.Submissions, Downloads: (int)r.Downloads), StringComparer.Ordinal);
        return [.. selected.Select(id => new GatedAssetRow(
            id, views.GetValueOrDefault(id), requests.GetValueOrDefault(id).Submissions, requests.GetValueOrDefault(id).Downloads))];
    }

    /// <inheritdoc />
    public async Task<DropOffReport> DropOffAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = Parameters(filter, filter.ContentIds);
        p.Add("Cutoff", PostgreSqlTime.ToDatabase(ReportStages.InactiveCutoff(filter, now)));
        var counts = (await connection.QueryAsync<(string? Stage, long Leads, long Inactive)>(new CommandDefinition(
            $"SELECT l.stage, COUNT(*), COUNT(*) FILTER (WHERE l.last_activity_at < @Cutoff) FROM leads l WHERE {LeadWhere(filter)} GROUP BY l.stage",
            p, cancellationToken: cancellationToken))).Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => (Leads: (int)r.Leads, Inactive: (int)r.Inactive), StringComparer.Ordinal);
        return ReportStages.DropOff(stageOrder, counts);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrendWeek>> TrendAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime Week, string? Stage, long Count)>(new CommandDefinition(
            // The Monday of each lead's ISO week in UTC (date_trunc('week') starts weeks on Monday; AT TIME ZONE 'UTC' makes it
            // the UTC date whatever the session's time zone, as SQLite's date of the stored UTC text). Each lead counts in the
            // stage it had at the end of that week (its last stage change before the next Monday, 00:00 UTC), so a past week
            // never changes when leads move on; a lead with no stage history at all (stored before it was kept) counts in
            // its stage now. Stages are ordered in byte order with no stage first, as SQLite groups them.
            $"""
            SELECT week, stage, COUNT(*) FROM (
                SELECT w.week,
                       COALESCE(
                           (SELECT h.to_stage FROM lead_stage_history h
                            WHERE h.lead_id = l.id AND h.at < ((w.week + 7)::timestamp AT TIME ZONE 'UTC')
                            ORDER BY h.id DESC LIMIT 1),
                           CASE WHEN NOT EXISTS (SELECT 1 FROM lead_stage_history h2 WHERE h2.lead_id = l.id) THEN l.stage END) AS stage
                FROM leads l
                CROSS JOIN LATERAL (SELECT date_trunc('week', l.created_at AT TIME ZONE 'UTC')::date AS week) w
                WHERE {LeadWhere(filter)}) s
            GROUP BY week, stage ORDER BY week, stage COLLATE "C" NULLS FIRST
            """,
            Parameters(filter, filter.ContentIds), cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.Week).Select(g => new TrendWeek(
            DateOnly.FromDateTime(g.Key),
            g.ToDictionary(r => r.Stage ?? string.Empty, r => (int)r.Count, StringComparer.Ordinal)))];
    }

    /// <summary>The visitors with an event on selected content in the range; null when no filter narrows them (everyone counts).</summary>
    private static async Task<HashSet<string>?> ActiveVisitorsAsync(NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        if (filter.ContentIds is null && filter.From is null && filter.To is null)
        {
            return null;
        }

        var sql = filter.ContentIds is null
            ? "SELECT DISTINCT visitor_id FROM journey_events WHERE at >= @From AND at < @To"
            : "SELECT DISTINCT visitor_id FROM journey_events WHERE content_id = ANY(@ContentIds) AND at >= @From AND at < @To";
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql, Parameters(filter, filter.ContentIds), cancellationToken: cancellationToken))];
    }

    /// <summary>Leads captured in the range that match the lead filters.</summary>
    private static string LeadWhere(ReportFilter filter) => $"l.created_at >= @From AND l.created_at < @To AND {LeadAttributes(filter)}";

    /// <summary>The lead filters that do not depend on time: language, source and, with a topic, an item of the topic asked for.</summary>
    private static string LeadAttributes(ReportFilter filter)
    {
        var where = new StringBuilder("(@Language::text IS NULL OR l.language = @Language) AND (@Source::text IS NULL OR l.utm_source = @Source)");
        if (filter.Topic is not null && filter.ContentIds is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lead_downloads td WHERE td.lead_id = l.id AND td.content_id = ANY(@ContentIds))");
        }

        return where.ToString();
    }

    /// <summary>An exported snapshot id as PostgreSQL writes it: hexadecimal groups and digits joined by dashes.</summary>
    [GeneratedRegex("^[0-9A-F]+(-[0-9A-F]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotId();

    /// <summary>The report's parameters; <paramref name="contentIds"/> is the content the report is narrowed to (a <c>text[]</c>).</summary>
    private static DynamicParameters Parameters(ReportFilter filter, IReadOnlySet<string>? contentIds)
    {
        var p = new DynamicParameters();
        p.Add("From", From(filter), DbType.DateTime);
        p.Add("To", To(filter), DbType.DateTime);
        p.Add("Language", filter.Language, DbType.String);
        p.Add("Source", filter.Source, DbType.String);
        if (contentIds is not null)
        {
            p.Add("ContentIds", contentIds.ToArray());
        }

        return p;
    }

    private static void Bind(NpgsqlCommand command, ReportFilter filter)
    {
        command.Parameters.AddWithValue("From", NpgsqlDbType.TimestampTz, From(filter));
        command.Parameters.AddWithValue("To", NpgsqlDbType.TimestampTz, To(filter));
    }

    // No bound is an infinite one (Npgsql writes the extreme DateTime values as -infinity and infinity), so one SQL
    // text serves every filter, as SQLite's "0000" and "9999" do.
    private static DateTime From(ReportFilter filter) => filter.From is { } from ? PostgreSqlTime.ToDatabase(from) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    private static DateTime To(ReportFilter filter) => filter.To is { } to ? PostgreSqlTime.ToDatabase(to) : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    private static long Ticks(NpgsqlDataReader reader, int ordinal) => PostgreSqlTime.FromDatabase(reader.GetDateTime(ordinal)).UtcTicks;

}
