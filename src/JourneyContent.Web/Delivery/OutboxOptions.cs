using Microsoft.Extensions.Options;

namespace JourneyContent.Web.Delivery;

/// <summary>How the one outbox worker runs, bound from <c>JourneyContent:Outbox</c>. Each channel keeps its own retry policy (<c>JourneyContent:Mail:Retry</c>, <c>JourneyContent:Webhooks:Retry</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "JourneyContent:Outbox";

    /// <summary>How often the outbox is polled for due messages (default 5 s); new messages are delivered at once regardless, through <see cref="JourneyContent.Delivery.IOutboxSignal"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due messages are claimed at a time (default 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long claimed messages stay claimed (default 5 min): longer than a batch takes, short enough that a crash delays
    /// them by minutes only. Another worker claims them again once it ends.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Fails start-up on worker settings that could never work, naming the key.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const string Prefix = OutboxOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.PollInterval)} must be positive (was '{options.PollInterval}').");
        }

        if (options.BatchSize is <= 0 or > 1000)
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.BatchSize)} must be between 1 and 1000 (was {options.BatchSize}).");
        }

        if (options.Lease < TimeSpan.FromSeconds(10) || options.Lease > TimeSpan.FromDays(1))
        {
            failures.Add($"{Prefix}{nameof(OutboxOptions.Lease)} must be between 10 s and 1 day (was '{options.Lease}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
