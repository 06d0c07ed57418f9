using System.Globalization;

namespace JourneyContent.CallsToAction;

/// <summary>The one rule for where a call to action's button may go, used by every content source and by the catalogue.</summary>
/// <remarks>
/// <para>Accepted: a site path (<c>/en/pricing</c>), an absolute <c>http://</c> or <c>https://</c> URL with a host,
/// and a <c>mailto:</c> address. Everything else is refused, notably <c>javascript:</c>, <c>data:</c> and
/// <c>vbscript:</c> in any case, protocol-relative <c>//host</c>, <c>/\host</c> and <c>\\host</c>, and bare words.</para>
/// <para>Browsers drop tabs and new lines anywhere in a URL and trim control characters and spaces around it, so
/// <c>/&lt;TAB&gt;/evil.example</c> becomes <c>//evil.example</c> and <c>java&lt;TAB&gt;script:</c> becomes
/// <c>javascript:</c>. A URL is therefore judged exactly as written: any control character (C0, DEL, C1), format
/// character or line separator anywhere, and any white space around it, refuses it. Character references
/// (<c>&amp;#106;avascript:</c>) and percent-encoding cannot form an allowed scheme, so they are refused as bare words.</para>
/// </remarks>
public static class CallToActionUrl
{
    private static readonly string[] WebSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps];

    /// <summary>True when <paramref name="url"/> is a site path, an http(s) URL or a <c>mailto:</c> address, written without hidden characters.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url) || char.IsWhiteSpace(url[0]) || char.IsWhiteSpace(url[^1]) || url.Any(IsHidden))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] is not ('/' or '\\');
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon)))
        {
            return false;
        }

        var scheme = url[..colon].ToLowerInvariant();
        if (scheme == Uri.UriSchemeMailto)
        {
            return url.Length > colon + 1;
        }

        // The authority must follow "scheme://" exactly: "https:\\host" or "https:host" are read differently by browsers and .NET.
        return WebSchemes.Contains(scheme)
            && string.CompareOrdinal(url, colon, "://", 0, 3) == 0
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && !string.IsNullOrEmpty(uri.Host);
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>RFC 3986's scheme: a letter, then letters, digits, <c>+</c>, <c>-</c> or <c>.</c> (so no white space inside).</summary>
    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
