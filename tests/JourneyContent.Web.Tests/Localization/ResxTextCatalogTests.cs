using JourneyContent.Mail;
using JourneyContent.Web.Localization;

namespace JourneyContent.Web.Tests.Localization;

public sealed class ResxTextCatalogTests
{
    private static readonly ResxTextCatalog Texts = new();

    [Theory]
    [InlineData("de", "de")]
    [InlineData("fr-CA", "fr")]
    [InlineData("FR", "fr")]
    [InlineData("es", "en")]
    [InlineData("english", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData("../../etc", "en")]
    public void A_language_is_served_by_its_own_catalogue_or_else_by_english(string? language, string served) =>
        Assert.Equal(served, Texts.Resolve(language));

    [Fact]
    public void A_text_comes_in_the_language_asked_for()
    {
        Assert.Equal("Vielen Dank!", Texts.Get("ThankYouTitle", "de"));
        Assert.Equal("Merci\u00A0!", Texts.Get("ThankYouTitle", "fr"));
        Assert.Equal("Thank you!", Texts.Get("ThankYouTitle", "es"));
    }

    [Fact]
    public void An_unknown_key_is_an_error_rather_than_a_blank_text() =>
        Assert.Throws<KeyNotFoundException>(() => Texts.Get("NoSuchText", "en"));

    [Fact]
    public void The_download_mail_in_german_is_german_with_a_german_date()
    {
        var mail = MailTemplates.Download(Texts, "de", "ada@example.com", "Ada", "Der Leitfaden", "https://journeycontent.test/d/1", new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), "Sillage");

        Assert.Equal(("de", "Ihr Download: Der Leitfaden"), (mail.Language, mail.Subject));
        Assert.StartsWith("Hallo Ada,\n\nVielen Dank für Ihr Interesse an „Der Leitfaden“. Hier ist Ihr Download-Link:", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Der Link ist bis zum 9. März 2026 gültig.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("bis zum 9. März 2026 gültig", System.Net.WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirmation_mail_in_german_asks_to_confirm_the_address()
    {
        var mail = MailTemplates.ConfirmAddress(Texts, "de-AT", "ada@example.com", null, "Der Leitfaden", "https://journeycontent.test/c/1");

        Assert.Equal(("de", "Bitte bestätigen Sie Ihre E-Mail-Adresse: Der Leitfaden"), (mail.Language, mail.Subject));
        Assert.StartsWith("Hallo,\n\nUm „Der Leitfaden“ zu erhalten", mail.TextBody, StringComparison.Ordinal);
    }
}
