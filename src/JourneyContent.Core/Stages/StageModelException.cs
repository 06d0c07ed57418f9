namespace JourneyContent.Stages;

/// <summary>Thrown at start-up when the configured stage model is invalid; <see cref="Errors"/> names each bad entry.</summary>
public sealed class StageModelException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public StageModelException(IReadOnlyList<string> errors)
        : base("The JourneyContent stage model is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? []).Select(e => " - " + e)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a single message.</summary>
    public StageModelException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public StageModelException()
        : this("no detail")
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    public StageModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Each problem, naming the configuration entry at fault.</summary>
    public IReadOnlyList<string> Errors { get; }
}
