using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace JourneyContent.Mail;

/// <summary>The emails the site sends to visitors, in the visitor's language, each with a plain-text and an HTML part.</summary>
/// <remarks>
/// The words come from an <see cref="ITextCatalog"/> (the module's resx catalogue), so a language is added by adding its
/// catalogue, not a branch here. Every inserted value is HTML-encoded in the HTML part, because names and titles come
/// from visitors and editors. Typography (French « » quotes and non-breaking spaces, German „ “ quotes) lives in the
/// catalogue's texts, so that mail clients never wrap a punctuation mark onto a line of its own.
/// </remarks>
public static partial class MailTemplates
{
    // Paragraph markers: they stand for the link and the signature, which are not plain text in the HTML part.
    private const string LinkMarker = "\u0001";
    private const string SignatureMarker = "\u0002";

    /// <summary>The mail that delivers a gated asset's download link.</summary>
    /// <param name="texts">The text catalogue the words come from.</param>
    /// <param name="language">The visitor's language; a language the catalogue lacks falls back to its fallback (English).</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="firstName">The recipient's first name, if given.</param>
    /// <param name="assetTitle">The asset's title.</param>
    /// <param name="link">The absolute http(s) download link.</param>
    /// <param name="expiresAt">When the link stops working, shown as a date in the link's time zone.</param>
    /// <param name="siteName">The site's name, used as signature.</param>
    /// <exception cref="ArgumentException">A required value is empty or <paramref name="link"/> is not an absolute http(s) URL.</exception>
    public static OutgoingMail Download(ITextCatalog texts, string language, string to, string? firstName, string assetTitle, string link, DateTimeOffset expiresAt, string siteName = "JourneyContent")
    {
        ArgumentNullException.ThrowIfNull(texts);
        Validate(to, assetTitle, link, siteName);
        var lang = texts.Resolve(language);
        var date = expiresAt.ToString(texts.Get("MailDateFormat", lang), texts.Culture(lang));
        string[] paragraphs =
        [
            Greeting(texts, lang, firstName),
            texts.Get("MailDownloadIntro", lang),
            LinkMarker,
            texts.Get("MailDownloadExpires", lang),
            texts.Get("MailWhy", lang),
            SignatureMarker,
        ];
        return Build(lang, to, firstName, texts.Get("MailDownloadSubject", lang), paragraphs, new(assetTitle, firstName, date), link, siteName, "download");
    }

    /// <summary>The mail that asks a visitor to confirm their address (double opt-in) before an asset is sent.</summary>
    /// <param name="texts">The text catalogue the words come from.</param>
    /// <param name="language">The visitor's language; a language the catalogue lacks falls back to its fallback (English).</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="firstName">The recipient's first name, if given.</param>
    /// <param name="assetTitle">The asset's title.</param>
    /// <param name="link">The absolute http(s) confirmation link.</param>
    /// <param name="siteName">The site's name, used as signature.</param>
    /// <exception cref="ArgumentException">A required value is empty or <paramref name="link"/> is not an absolute http(s) URL.</exception>
    public static OutgoingMail ConfirmAddress(ITextCatalog texts, string language, string to, string? firstName, string assetTitle, string link, string siteName = "JourneyContent")
    {
        ArgumentNullException.ThrowIfNull(texts);
        Validate(to, assetTitle, link, siteName);
        var lang = texts.Resolve(language);
        string[] paragraphs =
        [
            Greeting(texts, lang, firstName),
            texts.Get("MailConfirmIntro", lang),
            LinkMarker,
            texts.Get("MailWhy", lang),
            SignatureMarker,
        ];
        return Build(lang, to, firstName, texts.Get("MailConfirmSubject", lang), paragraphs, new(assetTitle, firstName, ""), link, siteName, "confirm");
    }

    // "{1}" is the first name, inserted (and encoded) like the other values.
    private static string Greeting(ITextCatalog texts, string language, string? firstName) =>
        texts.Get(string.IsNullOrWhiteSpace(firstName) ? "MailGreeting" : "MailGreetingName", language);

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

    /// <summary>Renders the paragraphs: <see cref="LinkMarker"/> stands for the link, <see cref="SignatureMarker"/> for the signature, {0} for the title, {1} for the first name, {2} for the date.</summary>
    private static OutgoingMail Build(string lang, string to, string? firstName, string subjectTemplate, string[] paragraphs, Values values, string link, string siteName, string purpose)
    {
        var name = firstName?.Trim() ?? "";
        var plain = values with { FirstName = name };
        var encoded = new Values(WebUtility.HtmlEncode(values.Title), WebUtility.HtmlEncode(name), WebUtility.HtmlEncode(values.Date));
        var subject = Fill(subjectTemplate, plain);
        var text = new StringBuilder();
        var html = new StringBuilder();
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
                case LinkMarker:
                    text.Append(link);
                    var encodedLink = WebUtility.HtmlEncode(link);
                    html.Append("<p><a href=\"").Append(encodedLink).Append("\">").Append(encodedLink).Append("</a></p>\n");
                    break;
                case SignatureMarker:
                    text.Append("-- \n").Append(siteName);
                    html.Append("<p>").Append(WebUtility.HtmlEncode(siteName)).Append("</p>\n");
                    break;
                default:
                    text.Append(Fill(paragraph, plain));
                    html.Append("<p>").Append(Fill(WebUtility.HtmlEncode(paragraph), encoded)).Append("</p>\n");
                    break;
            }
        }

        text.Append('\n');
        html.Append("</body>\n</html>\n");
        return new OutgoingMail(to.Trim(), string.IsNullOrEmpty(name) ? null : name, subject, text.ToString(), html.ToString(), lang, purpose);
    }

    // One pass rather than string.Format or chained Replace: titles and names may contain braces, even "{1}".
    private static string Fill(string template, Values values) =>
        Placeholder().Replace(template, m => m.Value switch
        {
            "{0}" => values.Title,
            "{1}" => values.FirstName ?? "",
            _ => values.Date,
        });

    [GeneratedRegex(@"\{[012]\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The values a mail's texts insert: {0}, {1} and {2}.</summary>
    private sealed record Values(string Title, string? FirstName, string Date);
}
