using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JourneyContent.Webhooks;

/// <summary>
/// Signs webhook bodies so that receivers can check they come from this site and were not replayed:
/// HMAC-SHA256 of <c>{unix seconds}.{body}</c> with the UTF-8 secret, sent as <c>t={unix seconds},v1={lowercase hex}</c>.
/// </summary>
/// <remarks>The timestamp is signed with the body so that an old, captured request cannot be replayed outside the tolerance window.</remarks>
public static class WebhookSignature
{
    private const int HashHexLength = 64;

    /// <summary>The <c>X-JourneyContent-Signature</c> header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string body, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var seconds = timestamp.ToUnixTimeSeconds();
        var hash = Hash(secret, seconds, body);
        return string.Create(CultureInfo.InvariantCulture, $"t={seconds},v1={Convert.ToHexStringLower(hash)}");
    }

    /// <summary>
    /// Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> with <paramref name="secret"/>,
    /// made within <paramref name="tolerance"/> of <paramref name="now"/> (either side, for clock skew). Malformed headers are rejected, never thrown on.
    /// </summary>
    public static bool Verify(string secret, string body, string header, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrEmpty(header) || !TryParse(header, out var seconds, out var signature))
        {
            return false;
        }

        DateTimeOffset signedAt;
        try
        {
            signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        if ((now - signedAt).Duration() > tolerance)
        {
            return false;
        }

        // Constant time, so that response times do not reveal how much of a forged signature was right.
        return CryptographicOperations.FixedTimeEquals(Hash(secret, seconds, body), signature);
    }

    private static byte[] Hash(string secret, long seconds, string body) =>
        HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seconds}.{body}")));

    /// <summary>Reads exactly one <c>t</c> and one <c>v1</c>, in either order; anything else makes the header invalid.</summary>
    private static bool TryParse(string header, out long seconds, out byte[] signature)
    {
        seconds = 0;
        signature = [];
        string? t = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            switch (key)
            {
                case "t" when t is null:
                    t = value;
                    break;
                case "v1" when v1 is null:
                    v1 = value;
                    break;
                default:
                    return false;
            }
        }

        if (t is null || v1 is null || v1.Length != HashHexLength
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        // Lowercase only, as Sign writes it: one spelling per signature.
        foreach (var c in v1)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        signature = Convert.FromHexString(v1);
        return true;
    }
}
