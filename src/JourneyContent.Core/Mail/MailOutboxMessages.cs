using System.Text.Json;
using JourneyContent.Delivery;

namespace JourneyContent.Mail;

/// <summary>How an <see cref="OutgoingMail"/> travels through the outbox's <see cref="OutboxChannels.Mail"/> channel, as JSON.</summary>
/// <remarks>
/// The idempotency id is 32 hex digits (the mail's own, or a new one): the transports put it in the <c>Message-ID</c> and the
/// pickup file's name, which accept hexadecimal only. An erased payload (<c>{}</c>) reads as a mail with no recipient.
/// </remarks>
public static class MailOutboxMessages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outbox message of <paramref name="mail"/>; its topic is the mail's purpose.</summary>
    /// <exception cref="ArgumentException">The mail has no recipient.</exception>
    public static OutboxMessage Create(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.To, nameof(mail));
        var payload = JsonSerializer.Serialize(new Payload(mail.To, mail.ToName, mail.Subject, mail.TextBody, mail.HtmlBody, mail.Language), Json);
        return new OutboxMessage(OutboxChannels.Mail, mail.IdempotencyId ?? OutboxMessage.NewIdempotencyId(), mail.Purpose, payload) { LeadId = mail.LeadId };
    }

    /// <summary>The mail an outbox message carries, with its lead and idempotency id.</summary>
    /// <exception cref="ArgumentException">The message is not of the mail channel.</exception>
    /// <exception cref="JsonException">The payload is not a mail's JSON.</exception>
    public static OutgoingMail Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != OutboxChannels.Mail)
        {
            throw new ArgumentException($"The message is of the '{message.Channel}' channel, not '{OutboxChannels.Mail}'.", nameof(message));
        }

        var p = JsonSerializer.Deserialize<Payload>(message.Payload, Json) ?? new Payload(null, null, null, null, null, null);
        return new OutgoingMail(p.To ?? "", p.ToName, p.Subject ?? "", p.TextBody ?? "", p.HtmlBody ?? "", p.Language ?? "", message.Topic)
        {
            LeadId = message.LeadId,
            IdempotencyId = message.IdempotencyId,
        };
    }

    /// <summary>The stored JSON; every field is optional so that an erased payload still reads.</summary>
    private sealed record Payload(string? To, string? ToName, string? Subject, string? TextBody, string? HtmlBody, string? Language);
}
