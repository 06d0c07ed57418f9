using System.Text.Json;
using JourneyContent.Content;
using JourneyContent.Tagging;

namespace JourneyContent.Editing;

/// <summary>
/// The settings of an audit entry beyond stages (recommendations; topics and the item's own offer) as every store keeps
/// them: small JSON objects, so lists keep their order and values with commas or quotes survive, and a log exported
/// from one store reads the same in another.
/// </summary>
public static class StageAuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The stored JSON of recommendation settings; null for null (the change left them alone).</summary>
    public static string? Write(RecommendationTags? tags) =>
        tags is null ? null : JsonSerializer.Serialize(new StoredRecommendations(tags.PinnedNext, tags.Excluded, tags.Boost), Options);

    /// <summary>The stored JSON of topics and offer; null for null (the change left them alone).</summary>
    public static string? Write(TopicAndOfferTags? tags) =>
        tags is null ? null : JsonSerializer.Serialize(new StoredTopicsAndOffer(tags.Topics, tags.CallToAction), Options);

    /// <summary>The recommendation settings of <see cref="Write(RecommendationTags?)"/>'s JSON; null for null or empty.</summary>
    public static RecommendationTags? ReadRecommendations(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredRecommendations>(json, Options);
        return stored is null ? null : new RecommendationTags(stored.Pinned ?? [], stored.Excluded, stored.Boost);
    }

    /// <summary>The topics and offer of <see cref="Write(TopicAndOfferTags?)"/>'s JSON; null for null or empty.</summary>
    public static TopicAndOfferTags? ReadTopicsAndOffer(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredTopicsAndOffer>(json, Options);
        return stored is null ? null : new TopicAndOfferTags(stored.Topics ?? [], stored.Offer);
    }

    private sealed record StoredRecommendations(IReadOnlyList<string>? Pinned, bool Excluded, double Boost);

    private sealed record StoredTopicsAndOffer(IReadOnlyList<string>? Topics, CallToActionBlock? Offer);
}
