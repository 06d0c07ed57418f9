using JourneyContent.Content;
using JourneyContent.Forms;
using JourneyContent.Mail;

namespace JourneyContent.Leads;

/// <summary>The mails a capture sends: the download link, or the address confirmation of double opt-in, with their signed links.</summary>
/// <remarks>
/// Kept apart from the capture itself so that the mail can be written wherever the lead is committed. Links are built on
/// <c>linkBase</c>, an absolute address the host trusts (its public base URL), never on what the request claims.
/// </remarks>
public sealed class LeadMails(LinkSigner signer, LeadFormSettings settings, ITextCatalog texts)
{
    /// <summary>The site path of a download link.</summary>
    public static string DownloadPath(string token) => "/journey/download?t=" + Uri.EscapeDataString(token);

    /// <summary>The site path of a confirmation link.</summary>
    public static string ConfirmPath(string token) => "/journey/confirm?t=" + Uri.EscapeDataString(token);

    /// <summary>A fresh download link for the lead and its mail (null when the lead has no address any more).</summary>
    public (string Token, OutgoingMail? Mail) Download(Lead lead, ContentItem item, string linkBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(item);
        var expires = now + settings.LinkLifetime;
        var token = signer.Create(new LinkClaims(LinkClaims.Download, lead.Id, item.Id, expires));
        var mail = lead.Email is { } email
            ? MailTemplates.Download(texts, lead.Language, email, lead.Profile.FirstName, item.Title, Link(linkBase, DownloadPath(token)), expires, settings.SiteName) with { LeadId = lead.Id }
            : null;
        return (token, mail);
    }

    /// <summary>The address confirmation mail of double opt-in.</summary>
    public OutgoingMail Confirmation(Lead lead, ContentItem item, string linkBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(item);
        var token = signer.Create(new LinkClaims(LinkClaims.Confirm, lead.Id, item.Id, now + settings.ConfirmationLifetime));
        return MailTemplates.ConfirmAddress(texts, lead.Language, lead.Email!, lead.Profile.FirstName, item.Title, Link(linkBase, ConfirmPath(token)), settings.SiteName) with { LeadId = lead.Id };
    }

    private static string Link(string linkBase, string path) => linkBase.TrimEnd('/') + path;
}
