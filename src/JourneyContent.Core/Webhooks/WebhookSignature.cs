using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JourneyContent.Webhooks;

/// <summary>
/// Signs webhook requests by the Standard Webhooks specification, so that any receiver with a Standard Webhooks library
/// can check them: <c>webhook-signature: v1,{base64 of HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")}</c>.
/// </summary>
/// <remarks>
/// <para>The key is the base64 after the <c>whsec_</c> prefix of the secret (generate one with <see cref="NewSecret"/>).
/// A secret without the prefix is used as its UTF-8 bytes, so sites configured before the switch keep working; the
/// receiver's library must then be given <c>whsec_</c> + base64 of those bytes.</para>
/// <para>The id and the timestamp are signed with the body so that a captured request cannot be replayed under another
/// id nor outside the tolerance window.</para>
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The prefix of a Standard Webhooks secret.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The header carrying the message's idempotency id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the signing time, in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying the space-separated signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The shortest key accepted in a <c>whsec_</c> secret (the specification asks for 24 to 64 bytes).</summary>
    public const int MinimumKeyBytes = 24;

    /// <summary>The longest key accepted in a <c>whsec_</c> secret.</summary>
    public const int MaximumKeyBytes = 64;

    /// <summary>A new random secret, <c>whsec_</c> + base64 of 32 random bytes, to put in the configuration and give to the receiver.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of <paramref name="secret"/>, or null when it has the <c>whsec_</c> prefix but no valid base64 key of 24 to 64 bytes.</summary>
    public static byte[]? KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var encoded = secret[SecretPrefix.Length..];
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written is >= MinimumKeyBytes and <= MaximumKeyBytes
            ? buffer[..written]
            : null;
    }

    /// <summary>The <c>webhook-signature</c> value for <paramref name="body"/> sent as <paramref name="id"/> at <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is a malformed <c>whsec_</c> secret.</exception>
    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(body);
        var key = KeyOf(secret) ?? throw new ArgumentException("The webhook secret is not whsec_ followed by the base64 of a 24 to 64 byte key.", nameof(secret));
        return "v1," + Convert.ToBase64String(Hash(key, id, Seconds(timestamp), body));
    }

    /// <summary>The <c>webhook-timestamp</c> value for <paramref name="timestamp"/>.</summary>
    public static string Seconds(DateTimeOffset timestamp) => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether one of the space-separated <c>v1</c> signatures of <paramref name="signatures"/> signs <paramref name="body"/>
    /// with <paramref name="id"/> and <paramref name="timestamp"/>, made within <paramref name="tolerance"/> of <paramref name="now"/>
    /// (either side, for clock skew). Malformed input is rejected, never thrown on.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatures, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures) || KeyOf(secret) is not { } key
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Hash(key, id, timestamp, body);
        var buffer = new byte[expected.Length + 3];
        var valid = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Constant time, so that response times do not reveal how much of a forged signature was right.
            if (candidate.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(candidate[3..], buffer, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, written), expected))
            {
                valid = true;
            }
        }

        return valid;
    }

    private static byte[] Hash(byte[] key, string id, string seconds, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + "." + seconds + "." + body));
}
