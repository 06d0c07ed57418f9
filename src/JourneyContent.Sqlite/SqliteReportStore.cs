using System.Globalization;
using System.Text;
using Dapper;
using JourneyContent.Reports;
using JourneyContent.Reports.ContentInfluence;
using JourneyContent.Reports.DropOff;
using JourneyContent.Reports.Funnel;
using JourneyContent.Reports.GatedAssets;
using JourneyContent.Reports.Transitions;
using JourneyContent.Reports.Trend;
using Microsoft.Data.Sqlite;

namespace JourneyContent.Sqlite;

/// <summary>The marketer reports, computed in SQLite from the stored events, transitions and leads when asked for.</summary>
/// <remarks>
/// <para>A content filter (language, topic) is loaded into a temporary table once per report and joined, so its size
/// does not reach the SQL text. Stage order comes from the caller as parameters, so forward and backward are the site's.
/// Times are compared as stored text (ISO 8601, one fixed format), which sorts like time.</para>
/// <para>Visitors count when they had an event on selected content in the range; leads count when captured in the
/// range, in the filter's language, from its source and, with a topic, having asked for one of its items.</para>
/// </remarks>
public sealed class SqliteReportStore(SqliteConnectionFactory connections) : IReportStore
{
    /// <inheritdoc />
    public async Task<FunnelReport> FunnelAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        await using var connection = await OpenAsync(filter, cancellationToken);
        var p = Parameters(filter, stageOrder);
        var active = await ActiveVisitorsAsync(connection, filter, cancellationToken);
        var tally = new FunnelTally(stageOrder, active);
        // One ordered pass over the transitions: each visitor's last stage and the furthest stage they reached.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT visitor_id, to_stage FROM stage_transitions WHERE at < @To ORDER BY visitor_id, id";
            Bind(command, filter, []);
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
        await using var connection = await OpenAsync(filter, cancellationToken);
        var active = await ActiveVisitorsAsync(connection, filter, cancellationToken);
        var tally = new TransitionTally(stageOrder, active);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT from_stage, to_stage, at, prev_at, visitor_id FROM (
                SELECT t.visitor_id, t.from_stage, t.to_stage, t.at, LAG(t.at) OVER (PARTITION BY t.visitor_id ORDER BY t.id) AS prev_at
                FROM stage_transitions t
                WHERE t.at < @To)
            WHERE at >= @From
            """;
        Bind(command, filter, stageOrder);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tally.Add(reader.GetString(4), reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1),
                SqliteTime.Ticks(reader.GetString(2)), reader.IsDBNull(3) ? null : SqliteTime.Ticks(reader.GetString(3)));
        }

        return tally.Build();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContentInfluenceRow>> ContentInfluenceAsync(ReportFilter filter, IReadOnlyList<string> stageOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stageOrder);
        await using var connection = await OpenAsync(filter, cancellationToken);
        var p = Parameters(filter, stageOrder);
        var contentJoin = filter.ContentIds is null ? string.Empty : "JOIN report_content c ON c.id = e.content_id";
        // Index-only counts: views per item from (type, content_id, at); readers come from the first-readings pass below.
        var views = (await connection.QueryAsync<(string ContentId, long Views)>(new CommandDefinition(
            $"""
            SELECT e.content_id, COUNT(*)
            FROM journey_events e INDEXED BY ix_journey_events_type_content {contentJoin}
            WHERE e.type = 'view' AND e.content_id IS NOT NULL AND e.at >= @From AND e.at < @To
            GROUP BY e.content_id
            """, p, cancellationToken: cancellationToken))).ToDictionary(v => v.ContentId, v => (int)v.Views, StringComparer.Ordinal);
        // Two streams ordered by visitor, merged: each visitor's first readings of items, and their moves in time order.
        await using var moveCommand = connection.CreateCommand();
        moveCommand.CommandText =
            "SELECT visitor_id, at, from_stage, to_stage FROM stage_transitions INDEXED BY ix_stage_transitions_visitor_at WHERE from_stage IS NOT NULL ORDER BY visitor_id, at";
        await using var moveReader = await moveCommand.ExecuteReaderAsync(cancellationToken);

        async IAsyncEnumerable<(string, long, string, string)> Moves()
        {
            while (await moveReader.ReadAsync(cancellationToken))
            {
                yield return (moveReader.GetString(0), SqliteTime.Ticks(moveReader.GetString(1)), moveReader.GetString(2), moveReader.GetString(3));
            }
        }

        await using var moves = Moves().GetAsyncEnumerator(cancellationToken);
        var tally = new ContentInfluenceTally(stageOrder, moves);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"""
                SELECT e.visitor_id, e.content_id, MIN(e.at)
                FROM journey_events e INDEXED BY ix_journey_events_type_visitor {contentJoin}
                WHERE e.type = 'view' AND e.content_id IS NOT NULL AND e.at >= @From AND e.at < @To
                GROUP BY e.visitor_id, e.content_id
                ORDER BY e.visitor_id
                """;
            Bind(command, filter, []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await tally.AddReadingAsync(reader.GetString(0), reader.GetString(1), SqliteTime.Ticks(reader.GetString(2)));
            }
        }

        var leads = (await connection.QueryAsync<(string ContentId, long Count)>(new CommandDefinition(
            $"""
            SELECT d.content_id, COUNT(*) FROM lead_downloads d JOIN leads l ON l.id = d.lead_id
            WHERE d.requested_at >= @From AND d.requested_at < @To AND {LeadAttributes(filter)}
            GROUP BY d.content_id
            """, p, cancellationToken: cancellationToken))).ToDictionary(r => r.ContentId, r => (int)r.Count, StringComparer.Ordinal);
        return tally.Build(views, leads, filter.ContentIds);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GatedAssetRow>> GatedAssetsAsync(ReportFilter filter, IReadOnlyList<string> gatedContentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(gatedContentIds);
        var selected = gatedContentIds.Where(id => filter.ContentIds is null || filter.ContentIds.Contains(id)).ToList();
        await using var connection = await OpenAsync(filter with { ContentIds = selected.ToHashSet(StringComparer.Ordinal) }, cancellationToken);
        var p = Parameters(filter, []);
        var views = (await connection.QueryAsync<(string ContentId, long Count)>(new CommandDefinition(
            """
            SELECT e.content_id, COUNT(*) FROM journey_events e JOIN report_content c ON c.id = e.content_id
            WHERE e.type = 'view' AND e.at >= @From AND e.at < @To GROUP BY e.content_id
            """, p, cancellationToken: cancellationToken))).ToDictionary(r => r.ContentId, r => (int)r.Count, StringComparer.Ordinal);
        var requests = (await connection.QueryAsync<(string ContentId, long Submissions, long Downloads)>(new CommandDefinition(
            $"""
            SELECT d.content_id, COUNT(*), SUM(d.downloaded_at IS NOT NULL)
            FROM lead_downloads d JOIN report_content c ON c.id = d.content_id JOIN leads l ON l.id = d.lead_id
            WHERE d.requested_at >= @From AND d.requested_at < @To AND {LeadAttributes(filter)}
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
        await using var connection = await OpenAsync(filter, cancellationToken);
        var p = Parameters(filter, stageOrder);
        p.Add("Cutoff", SqliteTime.ToText(ReportStages.InactiveCutoff(filter, now)));
        var counts = (await connection.QueryAsync<(string? Stage, long Leads, long Inactive)>(new CommandDefinition(
            $"SELECT l.stage, COUNT(*), SUM(l.last_activity_at < @Cutoff) FROM leads l WHERE {LeadWhere(filter)} GROUP BY l.stage",
            p, cancellationToken: cancellationToken))).Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => (Leads: (int)r.Leads, Inactive: (int)r.Inactive), StringComparer.Ordinal);
        return ReportStages.DropOff(stageOrder, counts);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrendWeek>> TrendAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenAsync(filter, cancellationToken);
        var rows = await connection.QueryAsync<(string Week, string? Stage, long Count)>(new CommandDefinition(
            // The Monday of each lead's ISO week: six days back, then forward to the next Monday. Each lead counts in the
            // stage it had at the end of that week (its last stage change before the next Monday), so a past week never
            // changes when leads move on; a lead with no stage history at all (stored before it was kept) counts in its stage now.
            $"""
            SELECT week, stage, COUNT(*) FROM (
                SELECT date(substr(l.created_at, 1, 10), '-6 days', 'weekday 1') AS week,
                       COALESCE(
                           (SELECT h.to_stage FROM lead_stage_history h
                            WHERE h.lead_id = l.id AND h.at < date(substr(l.created_at, 1, 10), '-6 days', 'weekday 1', '+7 days')
                            ORDER BY h.id DESC LIMIT 1),
                           CASE WHEN NOT EXISTS (SELECT 1 FROM lead_stage_history h2 WHERE h2.lead_id = l.id) THEN l.stage END) AS stage
                FROM leads l WHERE {LeadWhere(filter)})
            GROUP BY week, stage ORDER BY week
            """,
            Parameters(filter, []), cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.Week, StringComparer.Ordinal).Select(g => new TrendWeek(
            DateOnly.ParseExact(g.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            g.ToDictionary(r => r.Stage ?? string.Empty, r => (int)r.Count, StringComparer.Ordinal)))];
    }

    private async Task<SqliteConnection> OpenAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        if (filter.ContentIds is not null)
        {
            // A temporary table lives in the connection's own temp schema: other requests never see it.
            await connection.ExecuteAsync("DROP TABLE IF EXISTS temp.report_content; CREATE TEMP TABLE report_content (id TEXT PRIMARY KEY)");
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO report_content (id) VALUES ($id)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            foreach (var contentId in filter.ContentIds)
            {
                id.Value = contentId;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>The visitors with an event on selected content in the range; null when no filter narrows them (everyone counts).</summary>
    private static async Task<HashSet<string>?> ActiveVisitorsAsync(SqliteConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        if (filter.ContentIds is null && filter.From is null && filter.To is null)
        {
            return null;
        }

        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            $"WITH {ActiveVisitors(filter)} SELECT visitor_id FROM active", Parameters(filter, []), cancellationToken: cancellationToken))];
    }

    /// <summary>The visitors with an event on selected content in the range, as a CTE named <c>active</c>.</summary>
    private static string ActiveVisitors(ReportFilter filter) => filter.ContentIds is null
        ? "active AS (SELECT DISTINCT visitor_id FROM journey_events WHERE at >= @From AND at < @To)"
        : "active AS (SELECT DISTINCT e.visitor_id FROM journey_events e JOIN report_content c ON c.id = e.content_id WHERE e.at >= @From AND e.at < @To)";

    /// <summary>Leads captured in the range that match the lead filters.</summary>
    private static string LeadWhere(ReportFilter filter) => $"l.created_at >= @From AND l.created_at < @To AND {LeadAttributes(filter)}";

    /// <summary>The lead filters that do not depend on time: language, source and, with a topic, an item of the topic asked for.</summary>
    private static string LeadAttributes(ReportFilter filter)
    {
        var where = new StringBuilder("(@Language IS NULL OR l.language = @Language) AND (@Source IS NULL OR l.utm_source = @Source)");
        if (filter.Topic is not null && filter.ContentIds is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lead_downloads td JOIN report_content tc ON tc.id = td.content_id WHERE td.lead_id = l.id)");
        }

        return where.ToString();
    }

    /// <summary>A CASE giving a stage key's position in the funnel (parameters <c>@s0</c>, <c>@s1</c>…), -1 for an unknown key.</summary>
    private static string StageOrder(string column, IReadOnlyList<string> stageOrder)
    {
        var sql = new StringBuilder("(CASE ").Append(column);
        for (var i = 0; i < stageOrder.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN @s{i} THEN {i}");
        }

        return sql.Append(" ELSE -1 END)").ToString();
    }

    private static DynamicParameters Parameters(ReportFilter filter, IReadOnlyList<string> stageOrder)
    {
        var p = new DynamicParameters();
        p.Add("From", filter.From is { } from ? SqliteTime.ToText(from) : "0000");
        p.Add("To", filter.To is { } to ? SqliteTime.ToText(to) : "9999");
        p.Add("Language", filter.Language);
        p.Add("Source", filter.Source);
        for (var i = 0; i < stageOrder.Count; i++)
        {
            p.Add("s" + i.ToString(CultureInfo.InvariantCulture), stageOrder[i]);
        }

        return p;
    }

    private static void Bind(SqliteCommand command, ReportFilter filter, IReadOnlyList<string> stageOrder)
    {
        command.Parameters.AddWithValue("@From", filter.From is { } from ? SqliteTime.ToText(from) : "0000");
        command.Parameters.AddWithValue("@To", filter.To is { } to ? SqliteTime.ToText(to) : "9999");
        for (var i = 0; i < stageOrder.Count; i++)
        {
            command.Parameters.AddWithValue("@s" + i.ToString(CultureInfo.InvariantCulture), stageOrder[i]);
        }
    }

}
