namespace JourneyContent.Inference;

/// <summary>Thrown at start-up when the inference settings are invalid; <see cref="Errors"/> names each bad entry.</summary>
public sealed class InferenceSettingsException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public InferenceSettingsException(IReadOnlyList<string> errors)
        : base("The JourneyContent inference settings are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? []).Select(e => " - " + e)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a single message.</summary>
    public InferenceSettingsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public InferenceSettingsException()
        : this("no detail")
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    public InferenceSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Each problem, naming the setting at fault.</summary>
    public IReadOnlyList<string> Errors { get; }
}
