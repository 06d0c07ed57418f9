namespace JourneyContent.Leads;

/// <summary>Published in-process after a lead is committed (the Umbraco package also publishes it as an Umbraco notification).</summary>
/// <param name="Lead">The lead as stored.</param>
/// <param name="ContentId">The gated item the form was for.</param>
/// <param name="IsNew">True for a new address.</param>
public sealed record LeadCaptured(Lead Lead, string ContentId, bool IsNew)
{
    /// <summary>The change of the lead's stage this submission caused, if any.</summary>
    public LeadStageChange? StageChange { get; init; }
}

/// <summary>Reacts to captured leads (CRM sync, notifications). Handlers run after the commit; a failing handler is logged and does not affect the visitor.</summary>
public interface ILeadCapturedHandler
{
    /// <summary>Handles one capture.</summary>
    Task HandleAsync(LeadCaptured notification, CancellationToken cancellationToken);
}

/// <summary>
/// Composes outbox messages about a capture (the CRM's <c>lead.captured</c> webhook) that are committed in the capture's own
/// transaction, so that a stored lead always has them and a rolled-back one never does.
/// </summary>
/// <remarks>Called inside the store's write transaction: compose only, no I/O. An exception rolls the capture back.</remarks>
public interface ILeadCaptureMessages
{
    /// <summary>The messages to commit with <paramref name="captured"/>; empty for none.</summary>
    IReadOnlyList<Delivery.OutboxMessage> Compose(LeadCaptured captured);
}
