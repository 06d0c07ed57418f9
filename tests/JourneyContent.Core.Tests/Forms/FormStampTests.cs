using System.Security.Cryptography;
using JourneyContent.Forms;

namespace JourneyContent.Core.Tests.Forms;

public sealed class FormStampTests
{
    private static readonly DateTimeOffset Shown = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FillTime = TimeSpan.FromSeconds(3);
    private readonly LinkSigner _signer = new(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData(0, StampCheck.TooFast)]
    [InlineData(2.999, StampCheck.TooFast)]
    [InlineData(3, StampCheck.Valid)]
    [InlineData(86_399, StampCheck.Valid)]
    [InlineData(86_400, StampCheck.Expired)]
    public void A_stamp_is_too_fast_before_the_fill_time_valid_from_it_and_expired_after_a_day(double secondsLater, StampCheck expected)
    {
        var stamp = FormStamp.Create(_signer, "en/benchmark", Shown);

        Assert.Equal(expected, FormStamp.Check(_signer, stamp, "en/benchmark", Shown.AddSeconds(secondsLater), FillTime));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-stamp")]
    public void A_missing_or_forged_stamp_is_expired(string? stamp)
    {
        Assert.Equal(StampCheck.Expired, FormStamp.Check(_signer, stamp, "en/benchmark", Shown.AddMinutes(1), FillTime));
    }

    [Fact]
    public void A_stamp_of_another_item_is_expired()
    {
        var stamp = FormStamp.Create(_signer, "en/other", Shown);

        Assert.Equal(StampCheck.Expired, FormStamp.Check(_signer, stamp, "en/benchmark", Shown.AddMinutes(1), FillTime));
    }
}
