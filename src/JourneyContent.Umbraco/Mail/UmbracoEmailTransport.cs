using JourneyContent.Mail;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Core.Models.Email;

namespace JourneyContent.Umbraco.Mail;

/// <summary>Sends the module's mails through Umbraco's own mail sender, so a site configures SMTP once (<c>Umbraco:CMS:Global:Smtp</c>).</summary>
/// <remarks>
/// A mail that cannot be sent throws, so the outbox keeps it and retries with back-off. Umbraco's sender sends one body,
/// so the HTML part is sent; the text part stays in the outbox for the record.
/// </remarks>
internal sealed class UmbracoEmailTransport(IEmailSender sender, IOptions<GlobalSettings> global, IOptions<MailOptions> mail) : IMailTransport
{
    /// <summary>The <c>emailType</c> Umbraco's notifications see, so a site can tell the module's mails apart.</summary>
    internal const string EmailType = "JourneyContent";

    public string Name => "umbraco";

    public async Task SendAsync(OutgoingMail message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!sender.CanSendRequiredEmail())
        {
            throw new InvalidOperationException("Umbraco cannot send mail: set Umbraco:CMS:Global:Smtp (Host or PickupDirectoryLocation) and From.");
        }

        var from = global.Value.Smtp?.From is { Length: > 0 } siteFrom ? siteFrom : mail.Value.FromAddress;
        await sender.SendAsync(new EmailMessage(from, message.To, message.Subject, message.HtmlBody, isBodyHtml: true), EmailType, enableNotification: false, expires: null).ConfigureAwait(false);
    }
}
