namespace JourneyContent.Leads;

/// <summary>
/// A lead opens their own download link on another device: that device's visitor becomes the lead's too, and the
/// histories of the lead's devices are merged, so inference and recommendations see one person. Only a visitor the
/// device's consent allows to be tracked is passed in; a link forwarded to a colleague is the price of that, as with any
/// personal mail link.
/// </summary>
public sealed class RecogniseLeadDevice(ILeadStore leads, ILeadJourney journey)
{
    /// <summary>Links <paramref name="visitorId"/> to the lead; true when it was a new device of theirs.</summary>
    public async Task<bool> RecogniseAsync(string leadId, string visitorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(leadId);
        ArgumentException.ThrowIfNullOrEmpty(visitorId);
        var others = await leads.LinkVisitorAsync(leadId, visitorId, at, cancellationToken);
        if (others.Count > 0)
        {
            await journey.MergeAsync(visitorId, others);
        }

        return others.Count > 0;
    }
}
