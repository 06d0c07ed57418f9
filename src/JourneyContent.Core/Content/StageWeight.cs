namespace JourneyContent.Content;

/// <summary>A secondary stage that a content item also serves, with the share of its signal that goes there.</summary>
/// <remarks><see cref="Weight"/> is in (0, 1]: 0.5 means a view counts half as much towards this stage as towards the primary one.</remarks>
public sealed record StageWeight
{
    /// <summary>Creates a weight, checking its range.</summary>
    public StageWeight(string stage, double weight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A secondary stage weight is greater than 0 and at most 1.");
        }

        Stage = stage;
        Weight = weight;
    }

    /// <summary>The stage key.</summary>
    public string Stage { get; }

    /// <summary>The share, in (0, 1].</summary>
    public double Weight { get; }
}
