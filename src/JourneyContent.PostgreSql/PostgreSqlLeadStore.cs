using System.Security.Cryptography;
using Dapper;
using JourneyContent.Journeys;
using JourneyContent.Leads;
using JourneyContent.Tracking;
using Npgsql;

namespace JourneyContent.PostgreSql;

/// <summary>Leads, their consents, visitors, downloads, stage history, notes and the privacy audit in PostgreSQL.</summary>
/// <remarks>
/// <para>Several instances write at once, at <c>READ COMMITTED</c>, where SQLite serialises every writer. So two captures
/// with the same email serialise on a transaction advisory lock of that email (the second one finds the lead the first
/// created; the unique index on <c>email</c> is the last line of defence), and every write that reads a lead before it
/// writes locks the lead's row, so that an erasure and a write to the same lead run one after the other and the erasure
/// is never undone by a write that read the lead before it.</para>
/// <para>Times are <c>timestamptz</c>, kept to the microsecond.</para>
/// </remarks>
public sealed class PostgreSqlLeadStore(PostgreSqlConnectionFactory connections, IJourneyStore journeys) : ILeadStore
{
    /// <summary>The first key of the advisory locks of captures, one per email (the second key is the email's hash): "jcld".</summary>
    private const int CaptureLockSpace = 0x6A636C64;

    private const string LeadColumns =
        """
        id AS Id, email AS Email, first_name AS FirstName, last_name AS LastName, company AS Company, job_title AS JobTitle,
        company_size AS CompanySize, country AS Country, phone AS Phone, language AS Language, declared_stage AS DeclaredStage,
        stage AS Stage, email_confirmed_at AS EmailConfirmedAt, member_key AS MemberKey, utm_source AS UtmSource,
        utm_medium AS UtmMedium, utm_campaign AS UtmCampaign, utm_term AS UtmTerm, utm_content AS UtmContent,
        referrer AS Referrer, landing_page AS LandingPage, created_at AS CreatedAt, updated_at AS UpdatedAt,
        last_activity_at AS LastActivityAt, erased_at AS ErasedAt
        """;

    /// <inheritdoc />
    public async Task<LeadCaptureResult> CaptureAsync(LeadCapture capture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var at = PostgreSqlTime.ToDatabase(capture.At);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A lock on a row cannot serialise the creation of a row that does not exist yet: the email's advisory lock does.
        // Held to the commit; hash collisions only serialise two unrelated captures.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Space, hashtext(@Email))", new { Space = CaptureLockSpace, capture.Email }, transaction, cancellationToken: cancellationToken));
        var existing = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {LeadColumns} FROM leads WHERE email = @Email FOR UPDATE", new { capture.Email }, transaction, cancellationToken: cancellationToken));
        var isNew = existing is null;
        var id = existing?.Id ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var before = existing?.ToLead();
        var profile = (before?.Profile ?? LeadProfile.Empty).With(capture.Profile);
        var stage = capture.Stage ?? before?.Stage;
        if (isNew)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO leads (id, email, first_name, last_name, company, job_title, company_size, country, phone, language,
                                   declared_stage, stage, member_key, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
                                   referrer, landing_page, created_at, updated_at, last_activity_at)
                VALUES (@Id, @Email, @FirstName, @LastName, @Company, @JobTitle, @CompanySize, @Country, @Phone, @Language,
                        @DeclaredStage, @Stage, @MemberKey, @UtmSource, @UtmMedium, @UtmCampaign, @UtmTerm, @UtmContent,
                        @Referrer, @LandingPage, @At, @At, @At)
                """,
                new
                {
                    Id = id, capture.Email, profile.FirstName, profile.LastName, profile.Company, profile.JobTitle, profile.CompanySize,
                    profile.Country, profile.Phone, capture.Language, capture.DeclaredStage, Stage = stage, capture.MemberKey,
                    capture.Source.UtmSource, capture.Source.UtmMedium, capture.Source.UtmCampaign, capture.Source.UtmTerm,
                    capture.Source.UtmContent, capture.Source.Referrer, capture.Source.LandingPage, At = at,
                },
                transaction,
                cancellationToken: cancellationToken));
        }
        else
        {
            // A known lead keeps its first source and language; new answers fill or replace the contact fields.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE leads SET first_name = @FirstName, last_name = @LastName, company = @Company, job_title = @JobTitle,
                       company_size = @CompanySize, country = @Country, phone = @Phone,
                       declared_stage = COALESCE(@DeclaredStage, declared_stage), stage = @Stage,
                       member_key = COALESCE(@MemberKey, member_key), updated_at = @At, last_activity_at = @At
                WHERE id = @Id
                """,
                new
                {
                    Id = id, profile.FirstName, profile.LastName, profile.Company, profile.JobTitle, profile.CompanySize, profile.Country,
                    profile.Phone, capture.DeclaredStage, Stage = stage, capture.MemberKey, At = at,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        if (capture.Consent is { } consent)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO lead_consents (lead_id, text, version, given_at, ip_hash, content_id) VALUES (@Id, @Text, @Version, @GivenAt, @IpHash, @ContentId)",
                new { Id = id, consent.Text, consent.Version, GivenAt = PostgreSqlTime.ToDatabase(consent.GivenAt), consent.IpHash, consent.ContentId },
                transaction,
                cancellationToken: cancellationToken));
        }

        var others = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT visitor_id FROM lead_visitors WHERE lead_id = @Id AND visitor_id <> COALESCE(@VisitorId, '') ORDER BY merged_at",
            new { Id = id, capture.VisitorId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (capture.VisitorId is { } visitorId)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO lead_visitors (lead_id, visitor_id, merged_at) VALUES (@Id, @VisitorId, @At) ON CONFLICT DO NOTHING",
                new { Id = id, VisitorId = visitorId, At = at }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lead_downloads (lead_id, content_id, requested_at) VALUES (@Id, @ContentId, @At)
            ON CONFLICT (lead_id, content_id) DO UPDATE SET requested_at = excluded.requested_at
            """,
            new { Id = id, capture.ContentId, At = at }, transaction, cancellationToken: cancellationToken));

        LeadStageChange? change = null;
        if (stage is not null && stage != before?.Stage)
        {
            change = new LeadStageChange(before?.Stage, stage, capture.At, capture.Stage == capture.DeclaredStage ? "declared" : "inferred");
            await InsertStageChangeAsync(connection, transaction, id, change, cancellationToken);
        }

        // Read inside the transaction: the messages are composed from the lead exactly as it is committed.
        var lead = (await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {LeadColumns} FROM leads WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken))).ToLead();
        var result = new LeadCaptureResult(lead, isNew, change, others);
        var messages = capture.Messages?.Invoke(result) ?? [];
        foreach (var message in messages)
        {
            await PostgreSqlOutbox.InsertAsync(connection, transaction, message.LeadId is null ? message with { LeadId = id } : message, capture.At, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result with { MessagesQueued = messages.Count };
    }

    /// <inheritdoc />
    public Task<Lead?> FindAsync(string leadId, CancellationToken cancellationToken) => FindOneAsync("id = @Key", leadId, cancellationToken);

    /// <inheritdoc />
    public Task<Lead?> FindByEmailAsync(string email, CancellationToken cancellationToken) => FindOneAsync("email = @Key", email, cancellationToken);

    /// <inheritdoc />
    public Task<Lead?> FindByVisitorAsync(string visitorId, CancellationToken cancellationToken) =>
        FindOneAsync("id = (SELECT lead_id FROM lead_visitors WHERE visitor_id = @Key ORDER BY merged_at DESC LIMIT 1)", visitorId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> HasConsentedAsync(string leadId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM lead_consents WHERE lead_id = @LeadId AND version = @Version",
            new { LeadId = leadId, Version = version }, cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task ConfirmEmailAsync(string leadId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One statement: an erasure committed while it waits for the row is seen (the WHERE is checked again), so nothing is confirmed.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leads SET email_confirmed_at = COALESCE(email_confirmed_at, @At), updated_at = @At, last_activity_at = @At WHERE id = @LeadId AND erased_at IS NULL",
            new { LeadId = leadId, At = PostgreSqlTime.ToDatabase(at) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task RecordDownloadAsync(string leadId, string contentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var value = PostgreSqlTime.ToDatabase(at);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lead_downloads (lead_id, content_id, requested_at, downloaded_at, downloads) VALUES (@LeadId, @ContentId, @At, @At, 1)
            ON CONFLICT (lead_id, content_id) DO UPDATE
            SET downloaded_at = COALESCE(lead_downloads.downloaded_at, excluded.downloaded_at), downloads = lead_downloads.downloads + 1
            """,
            new { LeadId = leadId, ContentId = contentId, At = value }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leads SET last_activity_at = @At WHERE id = @LeadId", new { LeadId = leadId, At = value }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> LinkVisitorAsync(string leadId, string visitorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR SHARE: an erasure in progress is waited for and then seen, so an erased lead gets no new device.
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lead_visitors (lead_id, visitor_id, merged_at)
            SELECT id, @VisitorId, @At FROM leads WHERE id = @LeadId AND erased_at IS NULL FOR SHARE
            ON CONFLICT DO NOTHING
            """,
            new { LeadId = leadId, VisitorId = visitorId, At = PostgreSqlTime.ToDatabase(at) }, transaction, cancellationToken: cancellationToken));
        IReadOnlyList<string> others = added == 0 ? [] : (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT visitor_id FROM lead_visitors WHERE lead_id = @LeadId AND visitor_id <> @VisitorId ORDER BY merged_at",
            new { LeadId = leadId, VisitorId = visitorId }, transaction, cancellationToken: cancellationToken))).ToList();
        await transaction.CommitAsync(cancellationToken);
        return others;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeadStageUpdate>> ApplyVisitorStagesAsync(IReadOnlyList<(string VisitorId, string Stage, DateTimeOffset At)> stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var updates = new List<LeadStageUpdate>();
        if (stages.Count == 0)
        {
            return updates;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (visitorId, stage, at) in stages)
        {
            // The row stays locked to the commit: a concurrent change of the lead's stage cannot record the same "from" twice.
            var lead = await connection.QuerySingleOrDefaultAsync<(string Id, string? Stage)>(new CommandDefinition(
                "SELECT l.id, l.stage FROM leads l JOIN lead_visitors v ON v.lead_id = l.id WHERE v.visitor_id = @VisitorId AND l.erased_at IS NULL FOR UPDATE OF l",
                new { VisitorId = visitorId }, transaction, cancellationToken: cancellationToken));
            if (lead.Id is null || lead.Stage == stage)
            {
                continue;
            }

            var change = new LeadStageChange(lead.Stage, stage, at, "inferred");
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE leads SET stage = @Stage, updated_at = @At WHERE id = @Id",
                new { lead.Id, Stage = stage, At = PostgreSqlTime.ToDatabase(at) }, transaction, cancellationToken: cancellationToken));
            await InsertStageChangeAsync(connection, transaction, lead.Id, change, cancellationToken);
            updates.Add(new LeadStageUpdate(lead.Id, change));
        }

        await transaction.CommitAsync(cancellationToken);
        return updates;
    }

    /// <inheritdoc />
    public async Task<LeadRecord?> RecordAsync(string leadId, CancellationToken cancellationToken)
    {
        if (await FindAsync(leadId, cancellationToken) is not { } lead)
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var consents = await connection.QueryAsync<(string Text, string Version, DateTime GivenAt, string? IpHash, string? ContentId)>(new CommandDefinition(
            "SELECT text, version, given_at, ip_hash, content_id FROM lead_consents WHERE lead_id = @LeadId ORDER BY id", new { LeadId = leadId }, cancellationToken: cancellationToken));
        var visitors = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT visitor_id FROM lead_visitors WHERE lead_id = @LeadId ORDER BY merged_at", new { LeadId = leadId }, cancellationToken: cancellationToken))).ToList();
        var downloads = await connection.QueryAsync<(string ContentId, DateTime RequestedAt, DateTime? DownloadedAt, int Downloads)>(new CommandDefinition(
            "SELECT content_id, requested_at, downloaded_at, downloads FROM lead_downloads WHERE lead_id = @LeadId ORDER BY id", new { LeadId = leadId }, cancellationToken: cancellationToken));
        var history = await connection.QueryAsync<(string? From, string To, DateTime At, string Reason)>(new CommandDefinition(
            "SELECT from_stage, to_stage, at, reason FROM lead_stage_history WHERE lead_id = @LeadId ORDER BY id", new { LeadId = leadId }, cancellationToken: cancellationToken));
        var events = new List<JourneyEvent>();
        foreach (var visitor in visitors)
        {
            events.AddRange(await journeys.EventsOfAsync(visitor, cancellationToken));
        }

        return new LeadRecord(
            lead,
            [.. consents.Select(c => new ConsentRecord(c.Text, c.Version, PostgreSqlTime.FromDatabase(c.GivenAt), c.IpHash, c.ContentId))],
            visitors,
            [.. downloads.Select(d => new LeadDownload(d.ContentId, PostgreSqlTime.FromDatabase(d.RequestedAt), PostgreSqlTime.FromDatabase(d.DownloadedAt), d.Downloads))],
            [.. history.Select(h => new LeadStageChange(h.From, h.To, PostgreSqlTime.FromDatabase(h.At), h.Reason))],
            [.. events.OrderBy(e => e.Timestamp)]);
    }

    /// <inheritdoc />
    /// <remarks>The search is case-insensitive (<c>ILIKE</c>), as SQLite's <c>LIKE</c> is for ASCII letters.</remarks>
    public async Task<(IReadOnlyList<Lead> Leads, int Total)> ListAsync(LeadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Where =
            """
            WHERE erased_at IS NULL AND (@Stage IS NULL OR stage = @Stage)
              AND (@Search IS NULL OR email ILIKE @Search ESCAPE '\' OR first_name ILIKE @Search ESCAPE '\'
                   OR last_name ILIKE @Search ESCAPE '\' OR company ILIKE @Search ESCAPE '\'
                   OR (COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) ILIKE @Search ESCAPE '\')
            """;
        var search = string.IsNullOrWhiteSpace(query.Search)
            ? null
            : "%" + query.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var parameters = new { Stage = query.Stage, Search = search, Skip = Math.Max(0, query.Skip), Take = Math.Clamp(query.Take, 1, 100_000) };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM leads {Where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {LeadColumns} FROM leads {Where} ORDER BY {OrderBy(query)} LIMIT @Take OFFSET @Skip", parameters, cancellationToken: cancellationToken));
        return ([.. rows.Select(r => r.ToLead())], (int)total);
    }

    /// <summary>The ORDER BY of a sorted list: a fixed column per <see cref="LeadSort"/> (never text from the request), empty values last, ties by id.</summary>
    /// <remarks>
    /// The order of SQLite's <c>COLLATE NOCASE</c>: lower case, then byte order (<c>COLLATE "C"</c>), whatever the database's
    /// collation; nulls first ascending and last descending, as SQLite sorts them.
    /// </remarks>
    private static string OrderBy(LeadQuery query)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        var nulls = query.Descending ? "NULLS LAST" : "NULLS FIRST";
        string NoCase(string column) => $"lower({column}) COLLATE \"C\" {direction} {nulls}";
        string Text(string column) => $"({column} IS NULL OR {column} = '') ASC, {NoCase(column)}";
        var order = query.Sort switch
        {
            LeadSort.LastActivity => $"last_activity_at {direction}",
            LeadSort.Email => Text("email"),
            LeadSort.Name => $"{Text("last_name")}, {NoCase("first_name")}",
            LeadSort.Company => Text("company"),
            LeadSort.Stage => Text("stage"),
            LeadSort.Source => Text("utm_source"),
            _ => $"created_at {direction}",
        };
        return order + ", id COLLATE \"C\"";
    }

    /// <inheritdoc />
    public async Task<bool> AddNoteAsync(string leadId, LeadNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR SHARE: an erasure in progress is waited for and then seen, so an erased lead gets no note its erasure missed.
        var open = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM leads WHERE id = @LeadId AND erased_at IS NULL FOR SHARE", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        if (open is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lead_notes (lead_id, text, by_user, at) VALUES (@LeadId, @Text, @ByUser, @At)",
            new { LeadId = leadId, note.Text, note.ByUser, At = PostgreSqlTime.ToDatabase(note.At) }, transaction, cancellationToken: cancellationToken));
        // The audit says that a note was written and how long it is, not what it says (it may name people).
        await InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(leadId, LeadNote.AuditAction, note.ByUser, note.At, $"{note.Text.Length} characters"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeadNote>> NotesAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Text, string ByUser, DateTime At)>(new CommandDefinition(
            "SELECT text, by_user, at FROM lead_notes WHERE lead_id = @LeadId ORDER BY id DESC", new { LeadId = leadId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LeadNote(r.Text, r.ByUser, PostgreSqlTime.FromDatabase(r.At)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> LatestAssetsAsync(IReadOnlyList<string> leadIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leadIds);
        if (leadIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        // Dapper hands Npgsql a collection as one array parameter, hence ANY rather than IN.
        var rows = await connection.QueryAsync<(string LeadId, string ContentId)>(new CommandDefinition(
            """
            SELECT d.lead_id, d.content_id FROM lead_downloads d
            WHERE d.lead_id = ANY(@Ids) AND d.id = (SELECT MAX(d2.id) FROM lead_downloads d2 WHERE d2.lead_id = d.lead_id)
            """, new { Ids = leadIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LeadId, r => r.ContentId, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Everything SQLite's erasure erases, in one transaction that first locks the lead's row (a second erasure, or a write
    /// to the lead, waits and then sees it erased). The visitors' events and transitions get their new ids in one UPDATE each,
    /// from a map of old to new ids drawn here. PostgreSQL keeps the old row versions until vacuum reclaims them; unlike
    /// SQLite's <c>secure_delete</c>, nothing here overwrites them.
    /// </remarks>
    public async Task<bool> EraseAsync(string leadId, string byUser, string action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var erasable = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM leads WHERE id = @LeadId AND erased_at IS NULL FOR UPDATE", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        if (erasable is null)
        {
            return false;
        }

        var visitors = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT visitor_id FROM lead_visitors WHERE lead_id = @LeadId", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken))).ToArray();
        // Events keep their content, type and time for the reports, under an id that leads back to nobody: one new id per visitor.
        var anonymous = visitors.Select(_ => "erased-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))).ToArray();
        var map = new { Visitors = visitors, Anonymous = anonymous };
        var anonymised = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE journey_events e SET visitor_id = m.anonymous FROM unnest(@Visitors, @Anonymous) AS m (visitor, anonymous) WHERE e.visitor_id = m.visitor",
            map, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE stage_transitions t SET visitor_id = m.anonymous FROM unnest(@Visitors, @Anonymous) AS m (visitor, anonymous) WHERE t.visitor_id = m.visitor",
            map, transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE leads SET email = NULL, first_name = NULL, last_name = NULL, company = NULL, job_title = NULL, company_size = NULL,
                   country = NULL, phone = NULL, member_key = NULL, referrer = NULL, landing_page = NULL, utm_term = NULL,
                   utm_content = NULL, email_confirmed_at = NULL, erased_at = @At, updated_at = @At
            WHERE id = @LeadId
            """,
            new { LeadId = leadId, At = PostgreSqlTime.ToDatabase(at) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM lead_consents WHERE lead_id = @LeadId", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM lead_visitors WHERE lead_id = @LeadId", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        // In the same commit as the lead: a failure cannot leave mail bodies or webhook payloads that a retried erasure (lead already erased) would skip.
        await PostgreSqlOutbox.EraseLeadAsync(connection, transaction, leadId, cancellationToken);
        // The marketer's reason may name the person; the audit keeps that a lock existed.
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM stage_locks WHERE lead_id = @LeadId", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM lead_notes WHERE lead_id = @LeadId", new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        await InsertAuditAsync(connection, transaction, new PrivacyAuditEntry(leadId, action, byUser, at, $"personal data deleted; {visitors.Length} visitor id(s) and {anonymised} event(s) anonymised"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> InactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM leads WHERE erased_at IS NULL AND last_activity_at < @Cutoff ORDER BY last_activity_at",
            new { Cutoff = PostgreSqlTime.ToDatabase(cutoff) }, cancellationToken: cancellationToken))];
    }

    /// <inheritdoc />
    public async Task AuditAsync(string leadId, string action, string byUser, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await InsertAuditAsync(connection, null, new PrivacyAuditEntry(leadId, action, byUser, at, detail), cancellationToken);
    }

    /// <summary>Appends one privacy-audit row, inside <paramref name="transaction"/> when given.</summary>
    internal static Task InsertAuditAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PrivacyAuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO privacy_audit (lead_id, action, by_user, at, detail) VALUES (@LeadId, @Action, @ByUser, @At, @Detail)",
            new { entry.LeadId, entry.Action, entry.ByUser, At = PostgreSqlTime.ToDatabase(entry.At), entry.Detail }, transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PrivacyAuditEntry>> PrivacyAuditAsync(string? leadId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string LeadId, string Action, string ByUser, DateTime At, string? Detail)>(new CommandDefinition(
            "SELECT lead_id, action, by_user, at, detail FROM privacy_audit WHERE @LeadId IS NULL OR lead_id = @LeadId ORDER BY id DESC LIMIT @Limit",
            new { LeadId = leadId, Limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PrivacyAuditEntry(r.LeadId, r.Action, r.ByUser, PostgreSqlTime.FromDatabase(r.At), r.Detail))];
    }

    internal static Task InsertStageChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string leadId, LeadStageChange change, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lead_stage_history (lead_id, from_stage, to_stage, at, reason) VALUES (@LeadId, @From, @To, @At, @Reason)",
            new { LeadId = leadId, change.From, change.To, At = PostgreSqlTime.ToDatabase(change.At), change.Reason }, transaction, cancellationToken: cancellationToken));

    private async Task<Lead?> FindOneAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {LeadColumns} FROM leads WHERE {where}", new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToLead();
    }

    /// <summary>A <c>leads</c> row, in the types Npgsql reads.</summary>
    private sealed record Row
    {
        public string Id { get; init; } = string.Empty;
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Company { get; init; }
        public string? JobTitle { get; init; }
        public string? CompanySize { get; init; }
        public string? Country { get; init; }
        public string? Phone { get; init; }
        public string Language { get; init; } = "en";
        public string? DeclaredStage { get; init; }
        public string? Stage { get; init; }
        public DateTime? EmailConfirmedAt { get; init; }
        public string? MemberKey { get; init; }
        public string? UtmSource { get; init; }
        public string? UtmMedium { get; init; }
        public string? UtmCampaign { get; init; }
        public string? UtmTerm { get; init; }
        public string? UtmContent { get; init; }
        public string? Referrer { get; init; }
        public string? LandingPage { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime LastActivityAt { get; init; }
        public DateTime? ErasedAt { get; init; }

        public Lead ToLead() => new()
        {
            Id = Id,
            Email = Email,
            Profile = new LeadProfile { FirstName = FirstName, LastName = LastName, Company = Company, JobTitle = JobTitle, CompanySize = CompanySize, Country = Country, Phone = Phone },
            Language = Language,
            DeclaredStage = DeclaredStage,
            Stage = Stage,
            EmailConfirmedAt = PostgreSqlTime.FromDatabase(EmailConfirmedAt),
            MemberKey = MemberKey,
            Source = new LeadSource { UtmSource = UtmSource, UtmMedium = UtmMedium, UtmCampaign = UtmCampaign, UtmTerm = UtmTerm, UtmContent = UtmContent, Referrer = Referrer, LandingPage = LandingPage },
            CreatedAt = PostgreSqlTime.FromDatabase(CreatedAt),
            UpdatedAt = PostgreSqlTime.FromDatabase(UpdatedAt),
            LastActivityAt = PostgreSqlTime.FromDatabase(LastActivityAt),
            ErasedAt = PostgreSqlTime.FromDatabase(ErasedAt),
        };
    }
}
