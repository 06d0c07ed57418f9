namespace JourneyContent.Leads;

/// <summary>Everything one accepted form submission stores about a lead, in one transaction.</summary>
public sealed record LeadCapture
{
    /// <summary>The normalised email (the deduplication key).</summary>
    public required string Email { get; init; }

    /// <summary>The fields given in this submission (null = not asked or left empty).</summary>
    public LeadProfile Profile { get; init; } = LeadProfile.Empty;

    /// <summary>The page's language.</summary>
    public required string Language { get; init; }

    /// <summary>The gated item asked for.</summary>
    public required string ContentId { get; init; }

    /// <summary>The stage declared in the form, if asked and answered.</summary>
    public string? DeclaredStage { get; init; }

    /// <summary>The stage to record for the lead after this submission (inferred, else declared), or null to keep the current one.</summary>
    public string? Stage { get; init; }

    /// <summary>The consent given with this submission, or null when it was not asked again.</summary>
    public ConsentRecord? Consent { get; init; }

    /// <summary>The tracking visitor id of the browser, when tracking is allowed.</summary>
    public string? VisitorId { get; init; }

    /// <summary>The signed-in CMS member, if any.</summary>
    public string? MemberKey { get; init; }

    /// <summary>Where the visitor came from (kept for a new lead; an existing lead keeps its first source).</summary>
    public LeadSource Source { get; init; } = LeadSource.Unknown;

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// Composes the outbox messages that go with this capture (the download link or address confirmation mail, the
    /// <c>lead.captured</c> webhook) from the capture's result as it is about to be committed; the store writes them to the
    /// outbox in the same transaction as the lead, so a capture leaves the lead and its messages, or neither. Null for none.
    /// </summary>
    /// <remarks>
    /// Called inside the store's write transaction, at most once per attempt: it must only compose (no I/O, no waiting).
    /// A message without <see cref="Delivery.OutboxMessage.LeadId"/> is stored with the lead's id, so erasing the lead reaches it.
    /// An exception thrown here rolls the whole capture back.
    /// </remarks>
    public Func<LeadCaptureResult, IReadOnlyList<Delivery.OutboxMessage>>? Messages { get; init; }
}

/// <summary>The outcome of storing a capture.</summary>
/// <param name="Lead">The lead as stored.</param>
/// <param name="IsNew">True when the address was not known.</param>
/// <param name="StageChange">The stage change this capture caused, if any.</param>
/// <param name="OtherVisitors">Visitor ids merged into the lead before (other browsers or devices), to merge into the current visitor.</param>
public sealed record LeadCaptureResult(Lead Lead, bool IsNew, LeadStageChange? StageChange, IReadOnlyList<string> OtherVisitors)
{
    /// <summary>How many messages <see cref="LeadCapture.Messages"/> put in the outbox with the lead; the worker should be woken when positive.</summary>
    public int MessagesQueued { get; init; }
}

/// <summary>Everything stored about one lead, for an export (right of access).</summary>
/// <param name="Lead">The lead.</param>
/// <param name="Consents">Consent records.</param>
/// <param name="Visitors">The visitor ids merged into the lead.</param>
/// <param name="Downloads">Assets asked for and downloaded.</param>
/// <param name="StageHistory">Stage changes.</param>
/// <param name="Events">The tracked events of the lead's visitors, oldest first.</param>
public sealed record LeadRecord(
    Lead Lead,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<string> Visitors,
    IReadOnlyList<LeadDownload> Downloads,
    IReadOnlyList<LeadStageChange> StageHistory,
    IReadOnlyList<Tracking.JourneyEvent> Events);

/// <summary>A lead whose stage changed because one of its visitors' stage changed.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="Change">The change.</param>
public sealed record LeadStageUpdate(string LeadId, LeadStageChange Change);

/// <summary>A page of the leads list.</summary>
/// <param name="Search">Words to find in the name, email or company; null for all.</param>
/// <param name="Stage">Only this stage; null for all.</param>
/// <param name="Skip">Leads to skip.</param>
/// <param name="Take">Leads to return.</param>
/// <param name="Sort">The column the list is sorted by (ties by id, so pages never overlap).</param>
/// <param name="Descending">True for the largest (newest, last in the alphabet) first.</param>
public sealed record LeadQuery(string? Search = null, string? Stage = null, int Skip = 0, int Take = 50, LeadSort Sort = LeadSort.Created, bool Descending = true);

/// <summary>The columns the leads list can be sorted by.</summary>
public enum LeadSort
{
    /// <summary>When the lead was captured.</summary>
    Created,

    /// <summary>The lead's last activity (form, download).</summary>
    LastActivity,

    /// <summary>The email address.</summary>
    Email,

    /// <summary>The last name, then the first name.</summary>
    Name,

    /// <summary>The company.</summary>
    Company,

    /// <summary>The current stage, by key.</summary>
    Stage,

    /// <summary>The campaign source (<c>utm_source</c>).</summary>
    Source,
}

/// <summary>A marketer's note on a lead.</summary>
/// <param name="Text">What the marketer wrote (at most <see cref="MaxLength"/> characters).</param>
/// <param name="ByUser">Who wrote it.</param>
/// <param name="At">When.</param>
public sealed record LeadNote(string Text, string ByUser, DateTimeOffset At)
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>The audit action of a note.</summary>
    public const string AuditAction = "note";
}
