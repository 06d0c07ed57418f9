namespace JourneyContent.Tracking;

/// <summary>When a page view counts as an engaged read: long enough on the page, or far enough down it.</summary>
/// <remarks>
/// Both thresholds are inclusive: 30 s exactly, or a scroll depth of exactly 0.6, is engaged. Scroll depth is the
/// fraction of the page's height that was visible at some point, in [0, 1]. The default is
/// <see cref="Default"/>: 30 seconds or 60 %.
/// </remarks>
public sealed record EngagementRule
{
    /// <summary>Creates a rule, checking its thresholds.</summary>
    /// <param name="minimumTimeOnPage">Time on the page that makes a read engaged; greater than zero.</param>
    /// <param name="minimumScrollDepth">Scroll depth that makes a read engaged, in (0, 1].</param>
    public EngagementRule(TimeSpan minimumTimeOnPage, double minimumScrollDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minimumTimeOnPage, TimeSpan.Zero);
        if (!(minimumScrollDepth > 0 && minimumScrollDepth <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumScrollDepth), minimumScrollDepth, "A scroll depth is greater than 0 and at most 1.");
        }

        MinimumTimeOnPage = minimumTimeOnPage;
        MinimumScrollDepth = minimumScrollDepth;
    }

    /// <summary>30 seconds on the page or 60 % scrolled.</summary>
    public static EngagementRule Default { get; } = new(TimeSpan.FromSeconds(30), 0.6);

    /// <summary>Time on the page that makes a read engaged (inclusive).</summary>
    public TimeSpan MinimumTimeOnPage { get; }

    /// <summary>Scroll depth, as a fraction of the page, that makes a read engaged (inclusive).</summary>
    public double MinimumScrollDepth { get; }

    /// <summary>True when a read of <paramref name="timeOnPage"/> that reached <paramref name="scrollDepth"/> is engaged.</summary>
    public bool IsEngaged(TimeSpan timeOnPage, double scrollDepth) => timeOnPage >= MinimumTimeOnPage || scrollDepth >= MinimumScrollDepth;
}
