using System.Security.Cryptography;
using System.Text;
using JourneyContent.Webhooks;

namespace JourneyContent.Web.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "a-long-enough-test-secret";
    private const string Body = """{"event":"lead.captured","data":{"email":"ada@example.com"}}""";
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_header_is_the_unix_time_and_the_lowercase_hex_hmac_of_time_dot_body()
    {
        var seconds = SignedAt.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{seconds}.{Body}")));

        Assert.Equal($"t={seconds},v1={expected}", WebhookSignature.Sign(Secret, Body, SignedAt));
    }

    [Fact]
    public void A_signature_verifies_with_its_secret_and_body_only()
    {
        var header = WebhookSignature.Sign(Secret, Body, SignedAt);

        Assert.True(WebhookSignature.Verify(Secret, Body, header, SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify("another-secret-0123", Body, header, SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify(Secret, Body + " ", header, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void A_signature_is_accepted_only_within_the_tolerance_either_side(int secondsLater, bool accepted)
    {
        var header = WebhookSignature.Sign(Secret, Body, SignedAt);

        Assert.Equal(accepted, WebhookSignature.Verify(Secret, Body, header, SignedAt.AddSeconds(secondsLater), Tolerance));
    }

    [Fact]
    public void Changing_the_signed_time_invalidates_the_signature()
    {
        var header = WebhookSignature.Sign(Secret, Body, SignedAt);
        var replayed = header.Replace($"t={SignedAt.ToUnixTimeSeconds()}", $"t={SignedAt.AddMinutes(10).ToUnixTimeSeconds()}", StringComparison.Ordinal);

        Assert.False(WebhookSignature.Verify(Secret, Body, replayed, SignedAt.AddMinutes(10), Tolerance));
    }

    [Fact]
    public void The_parts_may_come_in_either_order()
    {
        var parts = WebhookSignature.Sign(Secret, Body, SignedAt).Split(',');

        Assert.True(WebhookSignature.Verify(Secret, Body, $"{parts[1]},{parts[0]}", SignedAt, Tolerance));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=1772442000")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,v1=00")]
    [InlineData("t=1772442000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,t=1772442000,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,v1=0000000000000000000000000000000000000000000000000000000000000000,v0=abc")]
    [InlineData("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000;v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Malformed_headers_are_rejected_without_throwing(string header)
    {
        Assert.False(WebhookSignature.Verify(Secret, Body, header, SignedAt, Tolerance));
    }

    [Fact]
    public void An_uppercase_hex_signature_is_rejected_as_Sign_never_writes_one()
    {
        var header = WebhookSignature.Sign(Secret, Body, SignedAt);
        var upper = header[..(header.IndexOf("v1=", StringComparison.Ordinal) + 3)] + header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..].ToUpperInvariant();

        Assert.False(WebhookSignature.Verify(Secret, Body, upper, SignedAt, Tolerance));
    }
}
