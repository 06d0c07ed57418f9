using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace JourneyContent.Web.Tracking;

/// <summary>What a request says about tracking: the visitor's consent, Do Not Track, Global Privacy Control, bots.</summary>
public static partial class TrackingRequest
{
    /// <summary>The cookie that remembers the consent choice (<c>granted</c> or <c>denied</c>); strictly necessary, so always allowed.</summary>
    public const string ConsentCookie = "journey-consent";

    /// <summary>The first-party visitor id cookie, set only when tracking is allowed.</summary>
    public const string VisitorCookie = "journey-vid";

    /// <summary>
    /// Set by the banner's choice for the page it returns to, which confirms the choice once; strictly necessary, short
    /// lived, and it holds only the choice.
    /// </summary>
    public const string ConsentSavedCookie = "journey-consent-saved";

    /// <summary>How long the confirmation waits for the page the banner returns to.</summary>
    public static readonly TimeSpan ConsentSavedLifetime = TimeSpan.FromMinutes(2);

    /// <summary>True when the browser sends <c>DNT: 1</c> or <c>Sec-GPC: 1</c>.</summary>
    public static bool OptedOut(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers["DNT"] == "1" || request.Headers["Sec-GPC"] == "1";
    }

    /// <summary>True for known crawlers, monitors and headless fetchers, recognised by user agent.</summary>
    public static bool IsBot(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.Headers.UserAgent.ToString();
        return string.IsNullOrWhiteSpace(agent) || BotPattern().IsMatch(agent);
    }

    /// <summary>The consent choice: true, false, or null when the visitor has not chosen.</summary>
    public static bool? Consent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[ConsentCookie] switch
        {
            "granted" => true,
            "denied" => false,
            _ => null,
        };
    }

    /// <summary>Whether this request may be tracked.</summary>
    public static bool MayTrack(HttpRequest request, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !OptedOut(request) && !IsBot(request) && (Consent(request) ?? !options.ConsentRequired);
    }

    /// <summary>Whether the consent banner should be shown.</summary>
    public static bool ShouldAskConsent(HttpRequest request, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConsentRequired && Consent(request) is null && !OptedOut(request) && !IsBot(request);
    }

    /// <summary>A new random 128-bit visitor id, URL-safe.</summary>
    public static string NewVisitorId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True for a value this module could have issued as a visitor id.</summary>
    public static bool IsVisitorId(string? value) => value is { Length: 22 } && VisitorIdPattern().IsMatch(value);

    [GeneratedRegex(@"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator|whatsapp|lighthouse|pingdom|uptime|headlesschrome|phantomjs|python-requests|curl/|wget/|go-http-client|java/|okhttp|axios|node-fetch|scrapy|httpclient|monitor", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex VisitorIdPattern();
}
