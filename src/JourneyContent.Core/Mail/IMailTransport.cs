namespace JourneyContent.Mail;

/// <summary>Hands one email to a delivery mechanism (an SMTP server, a pickup folder).</summary>
public interface IMailTransport
{
    /// <summary>A short name for logs and the health view.</summary>
    string Name { get; }

    /// <summary>Sends the mail; throws when it could not be handed over, so the outbox retries it.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
