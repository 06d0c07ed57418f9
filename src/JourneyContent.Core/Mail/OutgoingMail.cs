namespace JourneyContent.Mail;

/// <summary>One email ready to send: recipient, subject and both bodies, already rendered.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, if known.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="HtmlBody">The HTML part.</param>
/// <param name="Language">The language the mail is written in (<c>en</c>, <c>fr</c>).</param>
/// <param name="Purpose">Why it is sent (<c>download</c>, <c>confirm</c>, …), for reports and erasure.</param>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string TextBody, string HtmlBody, string Language, string Purpose)
{
    /// <summary>The lead the mail was sent to, so that erasing the lead also erases its mail.</summary>
    public string? LeadId { get; init; }

    /// <summary>
    /// The outbox's idempotency id of this mail (32 hex digits), the same on every attempt; null until the mail is in the outbox.
    /// </summary>
    /// <remarks>
    /// Delivery is at least once, so a crash between a send and its record sends the mail again: the transports derive the
    /// <c>Message-ID</c> and the pickup file's name from this id, so the repeat is recognisable and erasure finds the file.
    /// </remarks>
    public string? IdempotencyId { get; init; }
}
