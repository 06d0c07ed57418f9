using System.Security.Cryptography;
using System.Text;
using JourneyContent.Webhooks;

namespace JourneyContent.Web.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5Kpm7tC0cNs=";
    private const string Id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private const string Body = """{"event":"lead.captured","data":{"email":"ada@example.com"}}""";
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Seconds = SignedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_signature_is_v1_and_the_base64_hmac_of_id_timestamp_and_body_with_the_decoded_whsec_key()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Seconds}.{Body}")));

        Assert.Equal("v1," + expected, WebhookSignature.Sign(Secret, Id, SignedAt, Body));
    }

    [Fact]
    public void A_signature_verifies_with_its_secret_id_timestamp_and_body_only()
    {
        var signature = WebhookSignature.Sign(Secret, Id, SignedAt, Body);

        Assert.True(WebhookSignature.Verify(Secret, Id, Seconds, Body, signature, SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), Id, Seconds, Body, signature, SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify(Secret, Id + "x", Seconds, Body, signature, SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify(Secret, Id, Seconds, Body + " ", signature, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void The_timestamp_must_be_within_the_tolerance_either_side(int secondsLater, bool accepted)
    {
        var signature = WebhookSignature.Sign(Secret, Id, SignedAt, Body);

        Assert.Equal(accepted, WebhookSignature.Verify(Secret, Id, Seconds, Body, signature, SignedAt.AddSeconds(secondsLater), Tolerance));
    }

    [Fact]
    public void Changing_the_signed_time_invalidates_the_signature()
    {
        var signature = WebhookSignature.Sign(Secret, Id, SignedAt, Body);
        var later = SignedAt.AddMinutes(10);

        Assert.False(WebhookSignature.Verify(Secret, Id, WebhookSignature.Seconds(later), Body, signature, later, Tolerance));
    }

    [Fact]
    public void One_valid_signature_among_several_space_separated_ones_is_enough()
    {
        var signature = WebhookSignature.Sign(Secret, Id, SignedAt, Body);

        Assert.True(WebhookSignature.Verify(Secret, Id, Seconds, Body, "v1,AAAA v2,whatever " + signature, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1,")]
    [InlineData("v1,not base64!")]
    [InlineData("v1,AAAA")]
    [InlineData("v0,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Malformed_signatures_are_rejected_without_throwing(string signatures)
    {
        Assert.False(WebhookSignature.Verify(Secret, Id, Seconds, Body, signatures, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    [InlineData("1772442000.5")]
    public void Malformed_timestamps_are_rejected_without_throwing(string timestamp)
    {
        var signature = WebhookSignature.Sign(Secret, Id, SignedAt, Body);

        Assert.False(WebhookSignature.Verify(Secret, Id, timestamp, Body, signature, SignedAt, Tolerance));
    }

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64")]
    [InlineData("whsec_AAAA")]
    public void A_whsec_secret_without_a_valid_key_is_refused(string secret)
    {
        Assert.Null(WebhookSignature.KeyOf(secret));
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign(secret, Id, SignedAt, Body));
        Assert.False(WebhookSignature.Verify(secret, Id, Seconds, Body, "v1,AAAA", SignedAt, Tolerance));
    }

    [Fact]
    public void A_new_secret_is_whsec_and_a_32_byte_key_different_each_time()
    {
        var first = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSignature.KeyOf(first)!.Length);
        Assert.NotEqual(first, WebhookSignature.NewSecret());
    }

    [Fact]
    public void A_secret_without_the_prefix_is_used_as_its_utf8_bytes()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("a-long-enough-test-secret"), WebhookSignature.KeyOf("a-long-enough-test-secret"));
    }
}
