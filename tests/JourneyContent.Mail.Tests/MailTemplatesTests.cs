using System.Net;
using System.Text.RegularExpressions;

namespace JourneyContent.Mail.Tests;

public sealed class MailTemplatesTests
{
    private const string Link = "https://journeycontent.test/download/abc?x=1&y=2";
    private static readonly DateTimeOffset Expiry = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_english_download_mail_has_both_parts_the_link_the_expiry_date_and_the_reason()
    {
        var mail = MailTemplates.Download(TestTexts.Catalog, "en", "ada@example.com", "Ada", "The buyer's guide", Link, Expiry, "Sillage");

        Assert.Equal(("ada@example.com", "Ada", "en", "download"), (mail.To, mail.ToName, mail.Language, mail.Purpose));
        Assert.Equal("Your download: The buyer's guide", mail.Subject);
        Assert.StartsWith("Hello Ada,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("March 9, 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You receive this email because you asked for “The buyer's guide” on our site. If it was not you, ignore this message.", mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Sillage\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://journeycontent.test/download/abc?x=1&amp;y=2\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("March 9, 2026", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Sillage</p>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_french_download_mail_follows_french_typography_and_date_format()
    {
        var mail = MailTemplates.Download(TestTexts.Catalog, "fr", "zoe@example.com", "Zoé", "Le guide", Link, Expiry);

        Assert.Equal(("fr", "download"), (mail.Language, mail.Purpose));
        Assert.Equal("Votre téléchargement\u00A0: Le guide", mail.Subject);
        Assert.StartsWith("Bonjour Zoé,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("9 mars 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("«\u00A0Le guide\u00A0»", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce message parce que vous avez demandé «\u00A0Le guide\u00A0» sur notre site. Si ce n’était pas vous, ignorez ce message.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Link, mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("JourneyContent\n", mail.TextBody, StringComparison.Ordinal);
        AssertFrenchTypography(mail.Subject);
        AssertFrenchTypography(mail.TextBody.Replace(Link, "", StringComparison.Ordinal));
        var html = WebUtility.HtmlDecode(mail.HtmlBody);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("«\u00A0Le guide\u00A0»", html, StringComparison.Ordinal);
        Assert.Contains("9 mars 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirmation_mail_exists_in_both_languages_with_the_link_in_both_parts()
    {
        var en = MailTemplates.ConfirmAddress(TestTexts.Catalog, "en", "ada@example.com", null, "Guide", Link);
        var fr = MailTemplates.ConfirmAddress(TestTexts.Catalog, "fr-CA", "zoe@example.com", null, "Guide", Link, "Sillage");

        Assert.Equal(("en", "confirm"), (en.Language, en.Purpose));
        Assert.Equal(("fr", "confirm"), (fr.Language, fr.Purpose));
        Assert.StartsWith("Hello,", en.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Bonjour,", fr.TextBody, StringComparison.Ordinal);
        Assert.Null(en.ToName);
        foreach (var mail in new[] { en, fr })
        {
            Assert.Contains(Link, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(Link), mail.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("If it was not you, ignore this message.", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("Si ce n’était pas vous, ignorez ce message.", fr.TextBody, StringComparison.Ordinal);
        Assert.Equal("Confirmez votre adresse e-mail\u00A0: Guide", fr.Subject);
        AssertFrenchTypography(fr.TextBody.Replace(Link, "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("")]
    [InlineData("english")]
    public void A_language_without_a_catalogue_falls_back_to_english(string language)
    {
        var mail = MailTemplates.Download(TestTexts.Catalog, language, "ada@example.com", null, "Guide", Link, Expiry);

        Assert.Equal("en", mail.Language);
        Assert.StartsWith("Hello,", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Inserted_values_are_html_encoded_in_the_html_part_and_plain_in_the_text_part()
    {
        const string name = "<script>alert(1)</script>";
        const string title = "Tips & \"tricks\" {1}";

        var mail = MailTemplates.Download(TestTexts.Catalog, "en", "ada@example.com", name, title, Link, Expiry, "A<b>site");

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("A<b>site", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tips &amp; &quot;tricks&quot; {1}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hello <script>alert(1)</script>,", mail.TextBody, StringComparison.Ordinal);
        // The title's own "{1}" is not mistaken for the first name's placeholder.
        Assert.Contains("“Tips & \"tricks\" {1}”", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/link")]
    [InlineData("ftp://journeycontent.test/file")]
    public void A_link_that_is_not_absolute_http_is_refused(string link) =>
        Assert.Throws<ArgumentException>(() => MailTemplates.ConfirmAddress(TestTexts.Catalog, "en", "ada@example.com", null, "Guide", link));

    private static void AssertFrenchTypography(string text)
    {
        // A plain space (or none) before : ; ! ? » or after « lets the mark wrap onto a line of its own.
        Assert.DoesNotMatch(new Regex(@"[^\u00A0\u202F][:;!?»]"), text.Replace("\n", " ", StringComparison.Ordinal).Replace("-- ", "", StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"«[^\u00A0\u202F]"), text);
        Assert.DoesNotContain("'", text, StringComparison.Ordinal);
    }
}
