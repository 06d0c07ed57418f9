using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace JourneyContent.Mail;

/// <summary>The emails the site sends to visitors, in English and French, each with a plain-text and an HTML part.</summary>
/// <remarks>
/// Every inserted value is HTML-encoded in the HTML part, because names and titles come from visitors and editors.
/// French text follows French typography: « » quotes and a non-breaking space before <c>:</c> (a narrow one before <c>; ! ?</c>),
/// so that mail clients never wrap a punctuation mark onto a line of its own.
/// </remarks>
public static partial class MailTemplates
{
    private const string Nbsp = "\u00A0";
    private const string NarrowNbsp = "\u202F";

    /// <summary>The mail that delivers a gated asset's download link.</summary>
    /// <param name="language">The visitor's language; anything but French falls back to English.</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="firstName">The recipient's first name, if given.</param>
    /// <param name="assetTitle">The asset's title.</param>
    /// <param name="link">The absolute http(s) download link.</param>
    /// <param name="expiresAt">When the link stops working, shown as a date in the link's time zone.</param>
    /// <param name="siteName">The site's name, used as signature.</param>
    /// <exception cref="ArgumentException">A required value is empty or <paramref name="link"/> is not an absolute http(s) URL.</exception>
    public static OutgoingMail Download(string language, string to, string? firstName, string assetTitle, string link, DateTimeOffset expiresAt, string siteName = "JourneyContent")
    {
        Validate(to, assetTitle, link, siteName);
        var french = IsFrench(language);
        var date = french
            ? expiresAt.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))
            : expiresAt.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
        var lines = french
            ? new[]
            {
                Greeting(true, firstName),
                $"Merci de votre intérêt pour «{Nbsp}{{0}}{Nbsp}». Voici votre lien de téléchargement{Nbsp}:",
                "\u0001",
                $"Le lien est valable jusqu’au {date}.",
                Why(true),
                "\u0002",
            }
            : new[]
            {
                Greeting(false, firstName),
                "Thank you for your interest in “{0}”. Here is your download link:",
                "\u0001",
                $"The link works until {date}.",
                Why(false),
                "\u0002",
            };
        var subject = french
            ? $"Votre téléchargement{Nbsp}: {assetTitle}"
            : $"Your download: {assetTitle}";
        return Build(french, to, firstName, subject, lines, assetTitle, link, siteName, "download");
    }

    /// <summary>The mail that asks a visitor to confirm their address (double opt-in) before an asset is sent.</summary>
    /// <param name="language">The visitor's language; anything but French falls back to English.</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="firstName">The recipient's first name, if given.</param>
    /// <param name="assetTitle">The asset's title.</param>
    /// <param name="link">The absolute http(s) confirmation link.</param>
    /// <param name="siteName">The site's name, used as signature.</param>
    /// <exception cref="ArgumentException">A required value is empty or <paramref name="link"/> is not an absolute http(s) URL.</exception>
    public static OutgoingMail ConfirmAddress(string language, string to, string? firstName, string assetTitle, string link, string siteName = "JourneyContent")
    {
        Validate(to, assetTitle, link, siteName);
        var french = IsFrench(language);
        var lines = french
            ? new[]
            {
                Greeting(true, firstName),
                $"Pour recevoir «{Nbsp}{{0}}{Nbsp}», merci de confirmer votre adresse e-mail en ouvrant ce lien{Nbsp}:",
                "\u0001",
                Why(true),
                "\u0002",
            }
            : new[]
            {
                Greeting(false, firstName),
                "To receive “{0}”, please confirm your email address by opening this link:",
                "\u0001",
                Why(false),
                "\u0002",
            };
        var subject = french
            ? $"Confirmez votre adresse e-mail{Nbsp}: {assetTitle}"
            : $"Please confirm your email address: {assetTitle}";
        return Build(french, to, firstName, subject, lines, assetTitle, link, siteName, "confirm");
    }

    private static bool IsFrench(string? language) =>
        language is not null && (language.Equals("fr", StringComparison.OrdinalIgnoreCase) || language.StartsWith("fr-", StringComparison.OrdinalIgnoreCase));

    private static string Greeting(bool french, string? firstName)
    {
        var hello = french ? "Bonjour" : "Hello";
        // "{1}" is the first name, inserted (and encoded) like the other values.
        return string.IsNullOrWhiteSpace(firstName) ? hello + "," : hello + " {1},";
    }

    private static string Why(bool french) => french
        ? $"Vous recevez ce message parce que vous avez demandé «{Nbsp}{{0}}{Nbsp}» sur notre site. Si ce n’était pas vous, ignorez ce message."
        : "You receive this email because you asked for “{0}” on our site. If it was not you, ignore this message.";

    private static void Validate(string to, string assetTitle, string link, string siteName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(assetTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteName);
        // A mail link must work outside the site, and a javascript: or data: link has no business in a mail.
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The link must be an absolute http or https URL.", nameof(link));
        }
    }

    /// <summary>Renders the paragraphs: "\u0001" stands for the link, "\u0002" for the signature, {0} for the title, {1} for the first name.</summary>
    private static OutgoingMail Build(bool french, string to, string? firstName, string subject, string[] paragraphs, string assetTitle, string link, string siteName, string purpose)
    {
        var name = firstName?.Trim() ?? "";
        var text = new StringBuilder();
        var html = new StringBuilder();
        var lang = french ? "fr" : "en";
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5\">\n");
        foreach (var paragraph in paragraphs)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            switch (paragraph)
            {
                case "\u0001":
                    text.Append(link);
                    var encodedLink = WebUtility.HtmlEncode(link);
                    html.Append("<p><a href=\"").Append(encodedLink).Append("\">").Append(encodedLink).Append("</a></p>\n");
                    break;
                case "\u0002":
                    text.Append("-- \n").Append(siteName);
                    html.Append("<p>").Append(WebUtility.HtmlEncode(siteName)).Append("</p>\n");
                    break;
                default:
                    text.Append(Fill(paragraph, assetTitle, name));
                    html.Append("<p>").Append(Fill(WebUtility.HtmlEncode(paragraph), WebUtility.HtmlEncode(assetTitle), WebUtility.HtmlEncode(name))).Append("</p>\n");
                    break;
            }
        }

        text.Append('\n');
        html.Append("</body>\n</html>\n");
        return new OutgoingMail(to.Trim(), string.IsNullOrEmpty(name) ? null : name, subject, text.ToString(), html.ToString(), lang, purpose);
    }

    // One pass rather than string.Format or chained Replace: titles and names may contain braces, even "{1}".
    private static string Fill(string template, string title, string name) =>
        Placeholder().Replace(template, m => m.Value == "{0}" ? title : name);

    [GeneratedRegex(@"\{[01]\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
