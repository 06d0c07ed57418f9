namespace JourneyContent.Umbraco.DocumentTypes;

/// <summary>Thrown when <c>journey-composition.json</c> is missing or invalid; <see cref="Errors"/> names each field at fault.</summary>
public sealed class JourneyCompositionDefinitionException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public JourneyCompositionDefinitionException(IReadOnlyList<string> errors)
        : base("The Journey composition definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? []).Select(e => " - " + e)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a single message.</summary>
    public JourneyCompositionDefinitionException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public JourneyCompositionDefinitionException()
        : this("no detail")
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    public JourneyCompositionDefinitionException(string message, Exception innerException)
        : base("The Journey composition definition is invalid: " + message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Each problem, naming the field at fault.</summary>
    public IReadOnlyList<string> Errors { get; }
}
