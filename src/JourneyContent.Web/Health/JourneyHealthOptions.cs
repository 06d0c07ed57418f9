namespace JourneyContent.Web.Health;

/// <summary>The thresholds of <c>/readyz</c> (section <c>JourneyContent:Health</c>).</summary>
public sealed class JourneyHealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "JourneyContent:Health";

    /// <summary>Events accepted but not yet stored or dropped above which the instance is not ready: its writer is falling behind.</summary>
    public long MaxEventBacklog { get; set; } = 10_000;

    /// <summary>Outbox messages waiting to be sent (every channel) above which the instance is not ready: delivery is stuck.</summary>
    public long MaxOutboxBacklog { get; set; } = 1_000;
}
