namespace JourneyContent.Delivery;

/// <summary>How one delivery attempt went.</summary>
public enum DeliveryOutcome
{
    /// <summary>The receiver accepted the message.</summary>
    Delivered,

    /// <summary>It failed but may work later: tried again by the channel's retry policy.</summary>
    Retry,

    /// <summary>It failed for good (410 Gone, a message that can never be sent): given up at once.</summary>
    GiveUp,
}

/// <summary>The result of one delivery attempt: an outcome, and the error for a failure.</summary>
/// <param name="Outcome">How it went.</param>
/// <param name="Error">Why it failed, kept in the outbox and shown in the back office; null when delivered. Never personal data.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error)
{
    // Errors are stored and shown; a receiver's long error page is not worth keeping whole.
    private const int MaxErrorLength = 1000;

    /// <summary>The message was delivered.</summary>
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered, null);

    /// <summary>A failure worth retrying.</summary>
    public static DeliveryResult Retry(string error) => new(DeliveryOutcome.Retry, Trim(error));

    /// <summary>A failure that gives the message up.</summary>
    public static DeliveryResult GiveUp(string error) => new(DeliveryOutcome.GiveUp, Trim(error));

    private static string Trim(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }
}
