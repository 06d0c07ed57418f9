namespace JourneyContent.Mail;

/// <summary>Told that a mail was put in the outbox, so that a sender can deliver it at once instead of at its next poll.</summary>
public interface IMailQueuedSignal
{
    /// <summary>A mail is waiting.</summary>
    void MailQueued();
}
