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
}
