using System.Security.Cryptography;
using System.Text;

namespace JourneyContent.Forms;

/// <summary>What a signed link grants: one purpose (download, confirm) for one lead and one gated item, until a moment.</summary>
/// <param name="Purpose">The purpose; a link made for one purpose is refused for another.</param>
/// <param name="LeadId">The lead.</param>
/// <param name="ContentId">The gated item.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record LinkClaims(string Purpose, string LeadId, string ContentId, DateTimeOffset ExpiresAt)
{
    /// <summary>The purpose of download links.</summary>
    public const string Download = "download";

    /// <summary>The purpose of address confirmation links (double opt-in).</summary>
    public const string Confirm = "confirm";
}

/// <summary>The verdict on a link.</summary>
public enum LinkCheck
{
    /// <summary>Signed by this site, for this purpose, and not expired.</summary>
    Valid,

    /// <summary>Not a link this site made (changed, truncated, or for another purpose).</summary>
    Tampered,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,
}

/// <summary>Makes and checks links signed with HMAC-SHA256, bound to a lead and an item, that expire.</summary>
/// <remarks>
/// A token is <c>base64url(claims) "." base64url(HMAC(key, claims))</c>; claims are not secret (the lead id is random),
/// only unforgeable. The comparison is constant-time. An expired link is reported as such only when its signature is
/// genuine, so that the "send me a fresh link" page is never offered for a forged one.
/// </remarks>
public sealed class LinkSigner
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly byte[] _key;

    /// <summary>Creates a signer with a key of at least 32 bytes.</summary>
    public LinkSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A signing key has at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The token for <paramref name="claims"/>.</summary>
    public string Create(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', claims.Purpose, claims.LeadId, claims.ContentId, claims.ExpiresAt.ToUnixTimeSeconds()));
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>Checks a token for <paramref name="purpose"/> at <paramref name="now"/>; the claims are returned when the signature is genuine.</summary>
    public (LinkCheck Check, LinkClaims? Claims) Verify(string? token, string purpose, DateTimeOffset now)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 2048
            || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return (LinkCheck.Tampered, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        // Only this site signs, but a leaked or old key must not turn an impossible date into an exception (a 500).
        if (parts.Length != 4 || parts[0] != purpose || !long.TryParse(parts[3], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var expires)
            || expires < MinUnixSeconds || expires > MaxUnixSeconds)
        {
            return (LinkCheck.Tampered, null);
        }

        var claims = new LinkClaims(parts[0], parts[1], parts[2], DateTimeOffset.FromUnixTimeSeconds(expires));
        return (now >= claims.ExpiresAt ? LinkCheck.Expired : LinkCheck.Valid, claims);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        bytes = new byte[padded.Length];
        if (padded.Length % 4 != 0 || !Convert.TryFromBase64String(padded, bytes, out var written) || written == 0)
        {
            return false;
        }

        bytes = bytes[..written];
        // Only the canonical spelling is accepted: unused trailing bits would otherwise let one link have several forms.
        return string.Equals(Base64Url(bytes), text, StringComparison.Ordinal);
    }
}
