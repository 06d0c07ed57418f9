namespace JourneyContent.Forms;

/// <summary>What a form's stamp says about the submission that carries it.</summary>
public enum StampCheck
{
    /// <summary>Shown by this site for this item, long enough ago for a person to have filled it.</summary>
    Valid,

    /// <summary>Forged, for another item, or older than <see cref="FormStamp.Lifetime"/>: the visitor sends the form again.</summary>
    Expired,

    /// <summary>Sent sooner than the minimum fill time after the form was shown: taken for a robot's.</summary>
    TooFast,
}

/// <summary>A signed note of when a gated form was shown, sent back with the form (for the minimum fill time).</summary>
/// <remarks>The stamp is a <see cref="LinkSigner"/> token of purpose <c>form</c> that expires <see cref="Lifetime"/> after it was shown.</remarks>
public static class FormStamp
{
    /// <summary>How long a shown form can be sent.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private const string Purpose = "form";

    /// <summary>The stamp of a form of <paramref name="contentId"/> shown at <paramref name="shownAt"/>.</summary>
    public static string Create(LinkSigner signer, string contentId, DateTimeOffset shownAt)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Create(new LinkClaims(Purpose, string.Empty, contentId, shownAt + Lifetime));
    }

    /// <summary>Checks the stamp of a form of <paramref name="contentId"/> sent at <paramref name="now"/>.</summary>
    /// <remarks>The fill time is inclusive: a form sent exactly <paramref name="minimumFillTime"/> after it was shown is valid.</remarks>
    public static StampCheck Check(LinkSigner signer, string? stamp, string contentId, DateTimeOffset now, TimeSpan minimumFillTime)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var (check, claims) = signer.Verify(stamp, Purpose, now);
        if (check != LinkCheck.Valid || claims!.ContentId != contentId)
        {
            return StampCheck.Expired;
        }

        return now - (claims.ExpiresAt - Lifetime) < minimumFillTime ? StampCheck.TooFast : StampCheck.Valid;
    }
}
