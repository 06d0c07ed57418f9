namespace JourneyContent.Content;

/// <summary>Where content comes from: a folder of markdown files in the standalone site, Umbraco's published content in a CMS.</summary>
/// <remarks>
/// <see cref="Current"/> is cheap and never blocks on I/O: sources load in the background and swap in a new
/// <see cref="ContentSnapshot"/> when content changes, then raise <see cref="Changed"/>.
/// </remarks>
public interface IContentSource
{
    /// <summary>The latest complete snapshot.</summary>
    ContentSnapshot Current { get; }

    /// <summary>Raised after <see cref="Current"/> was replaced.</summary>
    event EventHandler<ContentChangedEventArgs>? Changed;
}

/// <summary>Describes a content change.</summary>
public sealed class ContentChangedEventArgs(ContentSnapshot previous, ContentSnapshot current) : EventArgs
{
    /// <summary>The snapshot before the change.</summary>
    public ContentSnapshot Previous { get; } = previous;

    /// <summary>The snapshot after the change.</summary>
    public ContentSnapshot Current { get; } = current;
}

/// <summary>Raises <see cref="IContentSource.Changed"/> for a source.</summary>
public static class ContentChanges
{
    /// <summary>
    /// Calls each subscriber on its own, so one that throws neither stops the others nor the source's reload;
    /// <paramref name="failed"/> hears of each failure.
    /// </summary>
    public static void Raise(EventHandler<ContentChangedEventArgs>? handlers, object sender, ContentChangedEventArgs change, Action<Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<ContentChangedEventArgs>>())
        {
            try
            {
                handler(sender, change);
            }
#pragma warning disable CA1031 // A subscriber's failure is reported, never allowed to stop the swap.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(ex);
            }
        }
    }
}
