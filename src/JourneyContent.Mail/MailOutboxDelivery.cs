using System.Text.Json;
using JourneyContent.Delivery;
using Microsoft.Extensions.Options;

namespace JourneyContent.Mail;

/// <summary>
/// Delivers the outbox's <see cref="OutboxChannels.Mail"/> channel through the site's <see cref="IMailTransport"/> (MailKit
/// SMTP, the pickup folder, or Umbraco's mail sender), retried by <see cref="MailOptions.Retry"/>.
/// </summary>
/// <remarks>
/// The mail carries the message's idempotency id, from which the transports derive the <c>Message-ID</c> and the pickup
/// file's name: a resend after a crash is recognisable (and replaces its pickup file).
/// </remarks>
public sealed class MailOutboxDelivery(IMailTransport transport, IOptions<MailOptions> options) : IOutboxDelivery
{
    /// <inheritdoc />
    public string Channel => OutboxChannels.Mail;

    /// <inheritdoc />
    public OutboxRetryPolicy Retry => options.Value.Retry;

    /// <summary>The transport the mail goes through, for logs and the health view.</summary>
    public string TransportName => transport.Name;

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        OutgoingMail mail;
        try
        {
            mail = MailOutboxMessages.Read(entry.Message);
        }
        catch (JsonException ex)
        {
            return DeliveryResult.GiveUp("The stored mail cannot be read: " + ex.Message);
        }

        if (string.IsNullOrWhiteSpace(mail.To))
        {
            // Erasure fails pending mail in the same update, so this is only a hand-edited row: nobody to send it to.
            return DeliveryResult.GiveUp("recipient erased");
        }

        try
        {
            await transport.SendAsync(mail, cancellationToken);
            return DeliveryResult.Delivered;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Type and message only: MailKit's messages never contain the password, and the address stays out of the error.
            return DeliveryResult.Retry($"{ex.GetType().Name} through the {transport.Name} transport: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public Task EndBatchAsync(CancellationToken cancellationToken) =>
        transport is IBatchingMailTransport batching ? batching.EndBatchAsync(cancellationToken) : Task.CompletedTask;
}
