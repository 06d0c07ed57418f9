using System.Security.Cryptography;
using JourneyContent.Forms;

namespace JourneyContent.Core.Tests.Forms;

public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly LinkSigner _signer = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_link_is_valid_until_it_expires_then_expired_with_its_claims()
    {
        var claims = new LinkClaims(LinkClaims.Download, "lead1", "en/benchmark", Now.AddDays(7));
        var token = _signer.Create(claims);

        Assert.Equal((LinkCheck.Valid, claims), _signer.Verify(token, LinkClaims.Download, Now.AddDays(6)));
        Assert.Equal((LinkCheck.Expired, claims), _signer.Verify(token, LinkClaims.Download, Now.AddDays(7)));
    }

    [Fact]
    public void Any_change_to_a_link_makes_it_tampered()
    {
        var token = _signer.Create(new LinkClaims(LinkClaims.Download, "lead1", "en/benchmark", Now.AddDays(7)));
        var forged = _signer.Create(new LinkClaims(LinkClaims.Download, "lead2", "en/benchmark", Now.AddDays(7)));
        var swapped = forged[..forged.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.NotEqual(LinkCheck.Valid, _signer.Verify(changed, LinkClaims.Download, Now).Check);
        }

        Assert.Equal(LinkCheck.Tampered, _signer.Verify(swapped, LinkClaims.Download, Now).Check);
        Assert.Equal(LinkCheck.Tampered, _signer.Verify(token, LinkClaims.Confirm, Now).Check);
        Assert.Equal(LinkCheck.Tampered, new LinkSigner(RandomNumberGenerator.GetBytes(32)).Verify(token, LinkClaims.Download, Now).Check);
        Assert.Equal(LinkCheck.Tampered, _signer.Verify("", LinkClaims.Download, Now).Check);
        Assert.Equal(LinkCheck.Tampered, _signer.Verify("garbage.!!!", LinkClaims.Download, Now).Check);
        Assert.Equal(LinkCheck.Tampered, _signer.Verify(token[..^3], LinkClaims.Download, Now).Check);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LinkSigner(new byte[16]));
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    public void A_genuine_signature_over_an_impossible_expiry_is_tampered_not_an_exception(string expiry)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var payload = System.Text.Encoding.UTF8.GetBytes($"download\nlead1\nen/benchmark\n{expiry}");
        var token = Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));

        var (check, claims) = new LinkSigner(key).Verify(token, LinkClaims.Download, Now);

        Assert.Equal(LinkCheck.Tampered, check);
        Assert.Null(claims);
    }

    /// <summary>The token encoding the signer uses, written out so that a test can sign claims the signer would never make.</summary>
    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
