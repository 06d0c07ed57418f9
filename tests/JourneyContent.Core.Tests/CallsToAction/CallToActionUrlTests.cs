using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using JourneyContent.CallsToAction;

namespace JourneyContent.Core.Tests.CallsToAction;

/// <summary>Where a call to action's button may go: the cases a marketer would review, then laws on random URLs.</summary>
public sealed class CallToActionUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/en/pricing")]
    [InlineData("/en/pricing?plan=scale#faq")]
    [InlineData("/en/a\\b")]
    [InlineData("https://example.com")]
    [InlineData("https://example.com/trial?x=1")]
    [InlineData("HTTPS://Example.com/")]
    [InlineData("http://example.com/")]
    [InlineData("mailto:sales@example.com")]
    [InlineData("MailTo:sales@example.com?subject=Demo")]
    public void A_site_path_an_http_url_or_a_mailto_address_is_accepted(string url) =>
        Assert.True(CallToActionUrl.IsSafe(url));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("//evil.example", "protocol-relative")]
    [InlineData("/\\evil.example", "slash backslash")]
    [InlineData("\\\\evil.example", "backslashes")]
    [InlineData("\\/evil.example", "backslash slash")]
    [InlineData("/\t/evil.example", "tab that browsers drop")]
    [InlineData("/\n/evil.example", "new line that browsers drop")]
    [InlineData("/\r/evil.example", "carriage return that browsers drop")]
    [InlineData("/\0/evil.example", "NUL")]
    [InlineData("/en/\u007Fpricing", "DEL")]
    [InlineData("/en/\u0085pricing", "C1 next line")]
    [InlineData("/en/\u009Bpricing", "C1 control")]
    [InlineData("/en/\u200Bpricing", "zero-width space")]
    [InlineData("/en/\u202Epricing", "right-to-left override")]
    [InlineData("/en/\u2028pricing", "line separator")]
    [InlineData(" //evil.example", "leading space that browsers trim")]
    [InlineData("/en/pricing ", "trailing space")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript in mixed case")]
    [InlineData("java\tscript:alert(1)", "tab inside the scheme")]
    [InlineData("java script:alert(1)", "space inside the scheme")]
    [InlineData("\u0001javascript:alert(1)", "leading control character")]
    [InlineData("&#106;avascript:alert(1)", "character reference")]
    [InlineData("javascript&colon;alert(1)", "named character reference")]
    [InlineData("%6Aavascript:alert(1)", "percent-encoded scheme")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    [InlineData("DATA:text/html;base64,PHNjcmlwdD4=", "data in upper case")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("https:evil.example", "http scheme without //")]
    [InlineData("https:\\\\evil.example", "http scheme with backslashes")]
    [InlineData("https://", "http scheme without a host")]
    [InlineData("mailto:", "mailto without an address")]
    [InlineData("pricing", "bare word")]
    [InlineData("?plan=scale", "query alone")]
    public void Anything_else_is_refused(string url, string why) =>
        Assert.False(CallToActionUrl.IsSafe(url), why);

    [Property]
    public Property A_hidden_character_anywhere_refuses_a_url_that_is_otherwise_safe() =>
        Prop.ForAll(
            Gen.Elements("/en/pricing", "https://example.com/a", "mailto:a@example.com", "/").ToArbitrary(),
            Gen.Choose(0, 0x9F).Where(c => c < 0x20 || c >= 0x7F).Select(c => (char)c).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            (url, hidden, at) => !CallToActionUrl.IsSafe(url.Insert(at % (url.Length + 1), hidden.ToString())));

    [Property]
    public Property A_path_of_ordinary_segments_is_safe() =>
        Prop.ForAll(
            Gen.Elements("en", "pricing", "a-b", "x_1", "%20", "caf\u00E9", "").ArrayOf().ToArbitrary(),
            segments => CallToActionUrl.IsSafe("/" + string.Join('/', segments).TrimStart('/')));

    [Property]
    public Property Every_accepted_url_is_a_path_or_uses_an_allowed_scheme(string? url) =>
        (!CallToActionUrl.IsSafe(url)
            || (url!.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)).ToProperty();
}
