using MimeKit;
using MimeKit.Utils;

namespace JourneyContent.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both transports send.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(OutgoingMail mail, MailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        message.Date = now;
        var at = options.FromAddress.LastIndexOf('@');
        var domain = at >= 0 ? options.FromAddress[(at + 1)..] : "localhost";
        // Derived from the outbox's idempotency id, so a resend after a crash carries the same Message-ID and is recognisable.
        message.MessageId = mail.IdempotencyId is { Length: > 0 } id ? id + ".journeycontent@" + domain : MimeUtils.GenerateMessageId(domain);
        // Tells auto-responders and mail rules that no person sent this, which avoids out-of-office loops.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (!string.IsNullOrEmpty(mail.Language))
        {
            message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        }

        // Text first, HTML last: in multipart/alternative the last part is the preferred one.
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
