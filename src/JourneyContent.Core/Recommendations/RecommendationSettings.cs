namespace JourneyContent.Recommendations;

/// <summary>How next content is chosen and ranked; bound from <c>JourneyContent:Recommendations</c>.</summary>
/// <remarks>
/// An item's score is <c>AffinityWeight × affinity + FreshnessWeight × freshness + boost</c>, where affinity is the
/// recency-weighted MoreLikeThis similarity to what the visitor read (0 to about 2), freshness halves every
/// <see cref="FreshnessHalfLifeDays"/> (1 for today's item) and the editorial boost is in [-1, 1].
/// </remarks>
public sealed class RecommendationSettings
{
    /// <summary>False turns personalised blocks off: pages then show neither next content nor calls to action.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many items a "next for you" block lists.</summary>
    public int Count { get; set; } = 3;

    /// <summary>How many of them come from the stage after the visitor's, to pull them forward.</summary>
    public int NextStageCount { get; set; } = 1;

    /// <summary>How many recent readings (besides the current page) count for topic affinity.</summary>
    public int RecentReadsConsidered { get; set; } = 5;

    /// <summary>How much each older reading counts relative to the one after it (the current page counts 1).</summary>
    public double RecencyDecay { get; set; } = 0.7;

    /// <summary>The weight of topic affinity.</summary>
    public double AffinityWeight { get; set; } = 1.0;

    /// <summary>The weight of freshness.</summary>
    public double FreshnessWeight { get; set; } = 0.3;

    /// <summary>After how many days an item's freshness halves.</summary>
    public double FreshnessHalfLifeDays { get; set; } = 180;

    /// <summary>The problems of these settings, in words; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Count is < 1 or > 20)
        {
            errors.Add("JourneyContent:Recommendations:Count must be between 1 and 20.");
        }

        if (NextStageCount < 0 || NextStageCount > Count)
        {
            errors.Add("JourneyContent:Recommendations:NextStageCount must be between 0 and Count.");
        }

        if (RecentReadsConsidered is < 0 or > ReadingHistory.RecentCapacity)
        {
            errors.Add($"JourneyContent:Recommendations:RecentReadsConsidered must be between 0 and {ReadingHistory.RecentCapacity}.");
        }

        if (RecencyDecay is <= 0 or > 1 || !double.IsFinite(RecencyDecay))
        {
            errors.Add("JourneyContent:Recommendations:RecencyDecay must be in (0, 1].");
        }

        if (AffinityWeight < 0 || FreshnessWeight < 0 || !double.IsFinite(AffinityWeight) || !double.IsFinite(FreshnessWeight))
        {
            errors.Add("JourneyContent:Recommendations:AffinityWeight and FreshnessWeight must be zero or more.");
        }

        if (FreshnessHalfLifeDays <= 0 || !double.IsFinite(FreshnessHalfLifeDays))
        {
            errors.Add("JourneyContent:Recommendations:FreshnessHalfLifeDays must be more than zero.");
        }

        return errors;
    }
}
