namespace JourneyContent.Mail;

/// <summary>A transport that keeps resources (a connection) across the sends of one batch and releases them when told.</summary>
internal interface IBatchingMailTransport
{
    /// <summary>Called by the outbox worker (through <see cref="MailOutboxDelivery"/>) after each batch.</summary>
    Task EndBatchAsync(CancellationToken cancellationToken);
}
