namespace JourneyContent.Health;

/// <summary>
/// The store cannot be opened or migrated. The message says which store, what went wrong and which setting to check,
/// in words an operator acts on; it never holds a password or a connection string.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the provider's error.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public StoreUnavailableException()
        : base("The store cannot be opened.")
    {
    }
}
